// Sends Video Spec sessions plus page, screen, identify and custom track calls to Keystone's gateway with
// Segment's and RudderStack's Node SDKs, unchanged, as device teams use them. Driven by AnalyticsSdkIT,
// which reads everything back through the read API; prints what the SDKs reported as one JSON line.
import { Analytics } from '@segment/analytics-node';
import RudderAnalytics from '@rudderstack/rudder-sdk-node';

const host = process.env.KEYSTONE_HOST;
const writeKey = process.env.KEYSTONE_WRITE_KEY;
const run = process.env.KEYSTONE_RUN;
const title = process.env.KEYSTONE_TITLE;
const minute = Date.parse(process.env.KEYSTONE_MINUTE);
const at = (seconds) => new Date(minute + seconds * 1000);

const report = { segmentErrors: [], rudderErrors: [] };

function segment(key, errors) {
  const analytics = new Analytics({ writeKey: key, host, flushAt: 50, flushInterval: 100, maxRetries: 0 });
  analytics.on('error', (error) => errors.push(String(error.reason?.message ?? error.reason ?? error.code)));
  return analytics;
}

function rudder(key, errors) {
  return new RudderAnalytics(key, {
    dataPlaneUrl: host,
    flushAt: 50,
    flushInterval: 100,
    retryCount: 0,
    logLevel: 'error',
    errorHandler: (error) => errors.push(`[${error.response?.status ?? 'network'}] ${error.message}`),
  });
}

const rudderFlush = (client) => new Promise((resolve) => client.flush(() => resolve()));

const device = (id, type, os) => ({ device: { id, type }, os: { name: os }, app: { version: '7.1.0' }, locale: 'de-DE' });

const video = (event, session, seconds, position) => ({
  event,
  timestamp: at(seconds),
  properties: { session_id: session, content_asset_id: title, position, video_player: 'sdk-test' },
});

// Segment: three sessions in the first 10 s window, two of them again in the second.
const seg = segment(writeKey, report.segmentErrors);
const segUser = { userId: `seg-user-${run}`, context: device(`seg-device-${run}`, 'tv', 'tvOS') };
for (const [session, second] of [['seg-s1', 1], ['seg-s2', 2], ['seg-s3', 3]]) {
  seg.track({ ...segUser, ...video('Video Playback Started', `${run}-${session}`, second, 0),
    messageId: `${run}-${session}-start` });
}
// The same message sent twice: counted once.
seg.track({ ...segUser, ...video('Video Playback Started', `${run}-seg-s1`, 1, 0), messageId: `${run}-seg-s1-start` });
seg.track({ ...segUser, ...video('Video Content Playing', `${run}-seg-s1`, 4, 3), messageId: `${run}-seg-s1-hb` });
seg.page({ ...segUser, name: `Home ${run}`, timestamp: at(4), properties: { path: '/home' } });
seg.screen({ ...segUser, name: `Player ${run}`, timestamp: at(4) });
seg.identify({ ...segUser, traits: { plan: 'premium' }, timestamp: at(4) });
// A custom event that names the title and a session of its own: never a viewer.
seg.track({ ...segUser, event: `Trailer Shared ${run}`, timestamp: at(5),
  properties: { session_id: `${run}-custom-s9`, content_asset_id: title, channel: 'mail' } });
await seg.flush({ timeout: 20000 });
seg.track({ ...segUser, ...video('Video Playback Paused', `${run}-seg-s1`, 12, 11), messageId: `${run}-seg-s1-pause` });
seg.track({ ...segUser, ...video('Video Content Playing', `${run}-seg-s2`, 13, 12), messageId: `${run}-seg-s2-hb` });
await seg.closeAndFlush({ timeout: 20000 });

// RudderStack: two more sessions in the first window, one of them again in the second; gzip by default.
const rud = rudder(writeKey, report.rudderErrors);
const rudUser = { anonymousId: `rud-anon-${run}`, context: device(`rud-device-${run}`, 'phone', 'Android') };
for (const [session, second] of [['rud-s1', 5], ['rud-s2', 6]]) {
  rud.track({ ...rudUser, ...video('Video Playback Started', `${run}-${session}`, second, 0),
    messageId: `${run}-${session}-start` });
}
rud.track({ ...rudUser, ...video('Video Playback Buffer Started', `${run}-rud-s1`, 14, 8),
  messageId: `${run}-rud-s1-buffer` });
rud.page({ ...rudUser, name: `Home ${run}`, timestamp: at(6), properties: { path: '/home' } });
rud.screen({ ...rudUser, name: `Player ${run}`, timestamp: at(6) });
rud.identify({ ...rudUser, traits: { plan: 'basic' }, timestamp: at(6) });
rud.track({ ...rudUser, event: `Trailer Shared ${run}`, timestamp: at(7), properties: { channel: 'sms' } });
await rudderFlush(rud);

// A wrong write key: refused, and the SDKs report it.
const wrongSegment = segment('not-a-key', report.segmentErrors);
wrongSegment.track({ ...segUser, event: `Refused ${run}` });
await wrongSegment.closeAndFlush({ timeout: 20000 });
const wrongRudder = rudder('not-a-key', report.rudderErrors);
wrongRudder.track({ ...rudUser, event: `Refused ${run}` });
await rudderFlush(wrongRudder);

console.log(JSON.stringify(report));

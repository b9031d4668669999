package dev.keystone.routing.replay;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.keystone.routing.archive.ArchiveScan;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.scheduling.concurrent.CustomizableThreadFactory;

/**
 * Runs replays in the background, a few at a time, and keeps their state for the API.
 * State lives in this replica's memory: a replay that a restart interrupts shows no more,
 * and is simply started again (both targets take a repeat without doubling anything in
 * search, and a topic consumer deduplicates by event id).
 */
class Replays implements AutoCloseable {

	private static final Logger log = LoggerFactory.getLogger(Replays.class);

	private static final long PROGRESS_EVERY = 50_000;

	private final ArchiveScan archive;

	private final Map<String, ReplayTarget> targets;

	private final ReplaySettings settings;

	private final Clock clock;

	private final MeterRegistry registry;

	private final Map<String, ReplayJob> jobs = new ConcurrentHashMap<>();

	private final ExecutorService executor;

	Replays(ArchiveScan archive, Map<String, ReplayTarget> targets, ReplaySettings settings, Clock clock,
			MeterRegistry registry) {
		this.archive = archive;
		this.targets = targets;
		this.settings = settings;
		this.clock = clock;
		this.registry = registry;
		this.executor = Executors.newFixedThreadPool(settings.concurrent(), new CustomizableThreadFactory("replay-"));
	}

	Replay start(ReplayRequest request) {
		ReplayJob job = new ReplayJob(UUID.randomUUID().toString(), request, this.clock.instant());
		forgetOld();
		this.jobs.put(job.id(), job);
		log.info("replay started replayId={} from={} to={} filter={} target={}", job.id(), request.from(), request.to(),
				request.filter(), request.target());
		this.executor.execute(() -> run(job));
		return job.view();
	}

	Optional<Replay> find(String replayId) {
		return Optional.ofNullable(this.jobs.get(replayId)).map(ReplayJob::view);
	}

	List<Replay> all() {
		List<Replay> replays = new ArrayList<>(this.jobs.values().stream().map(ReplayJob::view).toList());
		replays.sort(Comparator.comparing(Replay::startedAt).reversed());
		return replays;
	}

	private void run(ReplayJob job) {
		ReplayRequest request = job.request();
		ReplayTarget target = this.targets.get(request.target());
		Counter written = Counter.builder("keystone.archive.replayed")
			.tag("target", request.target())
			.description("Archived events a replay indexed or published")
			.register(this.registry);
		List<ObjectNode> batch = new ArrayList<>(this.settings.batchSize());
		try {
			this.archive.forEach(request.from(), request.to(), columns(request.filter()), (event) -> {
				job.matched();
				batch.add(event);
				if (batch.size() >= this.settings.batchSize()) {
					flush(job, target, batch, written);
				}
			});
			flush(job, target, batch, written);
			job.done(this.clock.instant());
			Replay view = job.view();
			log.info("replay done replayId={} matched={} written={}", job.id(), view.matched(), view.written());
		}
		catch (RuntimeException ex) {
			job.failed(this.clock.instant(), String.valueOf(ex.getMessage()));
			log.warn("replay failed replayId={} reason={}", job.id(), ex.getMessage(), ex);
		}
	}

	private static void flush(ReplayJob job, ReplayTarget target, List<ObjectNode> batch, Counter written) {
		if (batch.isEmpty()) {
			return;
		}
		long before = job.view().written();
		int count = target.write(batch);
		job.written(count);
		written.increment(count);
		batch.clear();
		if ((before + count) / PROGRESS_EVERY > before / PROGRESS_EVERY) {
			log.info("replay progress replayId={} written={}", job.id(), before + count);
		}
	}

	/** The archive columns a filter sets. */
	private static Map<String, String> columns(ReplayRequest.Filter filter) {
		Map<String, String> columns = new LinkedHashMap<>();
		if (filter.titleId() != null) {
			columns.put("title_id", filter.titleId());
		}
		if (filter.type() != null) {
			columns.put("type", filter.type());
		}
		if (filter.deviceId() != null) {
			columns.put("device_id", filter.deviceId());
		}
		return columns;
	}

	private void forgetOld() {
		List<Replay> finished = all().stream().filter((replay) -> replay.finishedAt() != null).toList();
		finished.stream().skip(this.settings.kept()).forEach((replay) -> this.jobs.remove(replay.replayId()));
	}

	@Override
	public void close() {
		this.executor.shutdownNow();
	}

}

package dev.keystone.recommendation.watching;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import dev.keystone.events.EventType;

/**
 * Applies one playback event to a profile's history: progress, watched, finished, the
 * order of the history and its bound, and the signals the titles get from it.
 */
public final class WatchRules {

	private final WatchSettings settings;

	public WatchRules(WatchSettings settings) {
		this.settings = settings;
	}

	/**
	 * The history after the event and its signals; the same history if nothing changed.
	 */
	public Applied apply(ProfileHistory history, Playback playback) {
		TitleProgress before = history.titles()
			.stream()
			.filter((title) -> title.titleId().equals(playback.titleId()))
			.findFirst()
			.orElse(null);
		TitleProgress after = progress(before, playback);
		List<TitleSignal> signals = new ArrayList<>();
		if (startCounts(before, playback)) {
			after = withStart(after, playback.timestamp());
			signals.add(new TitleSignal(TitleSignal.Kind.STARTED, playback.titleId(), after.genres(),
					playback.country(), playback.timestamp(), List.of()));
		}
		boolean newlyWatched = after.watched() && (before == null || !before.watched());
		if (newlyWatched) {
			List<String> others = history.watched()
				.stream()
				.map(TitleProgress::titleId)
				.filter((titleId) -> !titleId.equals(playback.titleId()))
				.limit(this.settings.pairsPerWatch())
				.toList();
			signals.add(new TitleSignal(TitleSignal.Kind.WATCHED, playback.titleId(), after.genres(),
					playback.country(), playback.timestamp(), others));
		}
		if (after.equals(before)) {
			return new Applied(history, signals, false, false, false);
		}
		boolean newlyFinished = after.finished() && (before == null || !before.finished());
		return new Applied(place(history, after), signals, true, newlyWatched, newlyFinished);
	}

	private TitleProgress progress(TitleProgress before, Playback playback) {
		long progressMs = Math.max((before != null) ? before.progressMs() : 0, playback.positionMs());
		Long durationMs = (playback.durationMs() != null) ? playback.durationMs()
				: (before != null) ? before.durationMs() : null;
		String name = (playback.name() != null) ? playback.name() : (before != null) ? before.name() : null;
		List<String> genres = (playback.genres() != null && !playback.genres().isEmpty()) ? playback.genres()
				: (before != null) ? before.genres() : List.of();
		Instant lastWatchedAt = (before == null || playback.timestamp().isAfter(before.lastWatchedAt()))
				? playback.timestamp() : before.lastWatchedAt();
		boolean watched = (before != null && before.watched())
				|| progressMs >= this.settings.watchedThresholdMs(durationMs);
		boolean finished = (before != null && before.finished()) || this.settings.finishes(progressMs, durationMs);
		return new TitleProgress(playback.titleId(), name, genres, progressMs, durationMs, lastWatchedAt,
				(before != null) ? before.lastStartedAt() : null, watched, finished);
	}

	/**
	 * A profile counts once per title for trending until {@code restartAfter} has passed
	 * since its last counted start, so that stopping and resuming is not a new viewer.
	 */
	private boolean startCounts(TitleProgress before, Playback playback) {
		if (playback.type() != EventType.PLAY_START) {
			return false;
		}
		if (before == null || before.lastStartedAt() == null) {
			return true;
		}
		Duration since = Duration.between(before.lastStartedAt(), playback.timestamp());
		return since.compareTo(this.settings.restartAfter()) >= 0;
	}

	private static TitleProgress withStart(TitleProgress progress, Instant at) {
		return new TitleProgress(progress.titleId(), progress.name(), progress.genres(), progress.progressMs(),
				progress.durationMs(), progress.lastWatchedAt(), at, progress.watched(), progress.finished());
	}

	/** Most recently played first; the oldest falls off past the bound. */
	private ProfileHistory place(ProfileHistory history, TitleProgress updated) {
		List<TitleProgress> titles = new ArrayList<>(history.titles().size() + 1);
		for (TitleProgress title : history.titles()) {
			if (!title.titleId().equals(updated.titleId())) {
				titles.add(title);
			}
		}
		int at = 0;
		while (at < titles.size() && titles.get(at).lastWatchedAt().isAfter(updated.lastWatchedAt())) {
			at++;
		}
		titles.add(at, updated);
		while (titles.size() > this.settings.history()) {
			titles.remove(titles.size() - 1);
		}
		return new ProfileHistory(history.profileId(), titles);
	}

	/**
	 * @param changed whether the history must be written
	 * @param watched whether the event made the title watched
	 * @param finished whether the event made the title finished
	 */
	public record Applied(ProfileHistory history, List<TitleSignal> signals, boolean changed, boolean watched,
			boolean finished) {

	}

}

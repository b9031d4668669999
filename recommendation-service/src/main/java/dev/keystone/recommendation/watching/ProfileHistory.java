package dev.keystone.recommendation.watching;

import java.util.List;

/**
 * The titles a profile played, most recently played first, as kept in the
 * {@code profiles} store.
 */
public record ProfileHistory(String profileId, List<TitleProgress> titles) {

	public ProfileHistory {
		titles = (titles != null) ? List.copyOf(titles) : List.of();
	}

	public static ProfileHistory empty(String profileId) {
		return new ProfileHistory(profileId, List.of());
	}

	/** Watched titles, most recent first. */
	public List<TitleProgress> watched() {
		return this.titles.stream().filter(TitleProgress::watched).toList();
	}

	/** Started and not finished, most recent first. */
	public List<TitleProgress> inProgress() {
		return this.titles.stream().filter((title) -> !title.finished()).toList();
	}

	public boolean contains(String titleId) {
		return this.titles.stream().anyMatch((title) -> title.titleId().equals(titleId));
	}

}

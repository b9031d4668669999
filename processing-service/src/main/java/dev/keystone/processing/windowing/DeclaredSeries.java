package dev.keystone.processing.windowing;

import java.util.Collection;

/**
 * Every series the features declared, by id, to read store keys and partials with.
 */
final class DeclaredSeries {

	private final Series[] byId = new Series[Series.MAX_ID + 1];

	DeclaredSeries(Collection<Series> series) {
		for (Series one : series) {
			if (one.sizeMs() % Series.STEP_MS != 0) {
				throw new IllegalArgumentException(
						"series " + one + ": its window is not a whole number of " + Series.STEP_MS + " ms steps");
			}
			Series known = this.byId[one.id()];
			if (known != null && known != one) {
				throw new IllegalArgumentException(
						"series " + known + " and " + one + " are both declared with id " + one.id());
			}
			this.byId[one.id()] = one;
		}
	}

	/** The series with a stored id. */
	Series get(int id) {
		Series series = (id >= 0 && id < this.byId.length) ? this.byId[id] : null;
		if (series == null) {
			throw new IllegalStateException("window state of series id " + id + ", which no feature declares");
		}
		return series;
	}

}

package dev.keystone.recommendation.titles;

/**
 * Cosine similarity of two titles over the profiles that watched them, damped for pairs
 * seen only a few times.
 * <p>
 * Cosine divides the co-watch count by the geometric mean of both titles' audiences, so a
 * blockbuster that everyone watches does not top every list: it is similar to a title
 * only as far as that title's audience watches it more than the service's audience does.
 * Cosine alone favours rare titles (one shared watcher of a title seen once scores high),
 * hence the factor {@code co / (co + shrinkage)}, the usual shrinkage of item-kNN.
 */
public final class Similarity {

	private final double shrinkage;

	public Similarity(double shrinkage) {
		this.shrinkage = shrinkage;
	}

	public double of(long coWatched, long watchersOfOne, long watchersOfOther) {
		if (coWatched <= 0 || watchersOfOne <= 0 || watchersOfOther <= 0) {
			return 0;
		}
		double cosine = coWatched / Math.sqrt((double) watchersOfOne * watchersOfOther);
		return cosine * coWatched / (coWatched + this.shrinkage);
	}

}

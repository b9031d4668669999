package dev.keystone.recommendation.titles;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SimilarityTests {

	private final Similarity similarity = new Similarity(5);

	@Test
	void ranksANicheTitleWatchedTogetherAboveABlockbusterWatchedByAll() {
		// 100 profiles watched the title; 40 of them a niche title of 50, 60 a
		// blockbuster of 10,000.
		double niche = this.similarity.of(40, 100, 50);
		double blockbuster = this.similarity.of(60, 100, 10_000);
		assertThat(niche).isGreaterThan(blockbuster);
	}

	@Test
	void dampsPairsSeenByAFewProfiles() {
		assertThat(this.similarity.of(1, 1, 1)).isLessThan(this.similarity.of(20, 25, 25));
		assertThat(this.similarity.of(0, 10, 10)).isZero();
	}

}

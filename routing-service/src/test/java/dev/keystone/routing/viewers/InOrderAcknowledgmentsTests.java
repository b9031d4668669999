package dev.keystone.routing.viewers;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.kafka.support.Acknowledgment;

import static org.assertj.core.api.Assertions.assertThat;

class InOrderAcknowledgmentsTests {

	private final List<String> acknowledged = new ArrayList<>();

	private final InOrderAcknowledgments acknowledgments = new InOrderAcknowledgments();

	@Test
	void holdsABatchStoredEarlyUntilEveryBatchBeforeItIsStored() {
		InOrderAcknowledgments.Batch first = this.acknowledgments.add(named("first"));
		InOrderAcknowledgments.Batch second = this.acknowledgments.add(named("second"));
		InOrderAcknowledgments.Batch third = this.acknowledgments.add(named("third"));

		this.acknowledgments.stored(third);
		this.acknowledgments.stored(second);
		assertThat(this.acknowledged).isEmpty();
		assertThat(this.acknowledgments.waiting()).isEqualTo(3);

		this.acknowledgments.stored(first);
		assertThat(this.acknowledged).containsExactly("first", "second", "third");
		assertThat(this.acknowledgments.waiting()).isZero();
	}

	@Test
	void acknowledgesTheStoredPrefixAndKeepsTheRest() {
		InOrderAcknowledgments.Batch first = this.acknowledgments.add(named("first"));
		this.acknowledgments.add(named("second"));
		InOrderAcknowledgments.Batch third = this.acknowledgments.add(named("third"));

		this.acknowledgments.stored(first);
		this.acknowledgments.stored(third);

		assertThat(this.acknowledged).containsExactly("first");
		assertThat(this.acknowledgments.waiting()).isEqualTo(2);
	}

	private Acknowledgment named(String name) {
		return () -> this.acknowledged.add(name);
	}

}

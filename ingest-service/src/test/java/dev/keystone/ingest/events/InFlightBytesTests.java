package dev.keystone.ingest.events;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class InFlightBytesTests {

	@Test
	void reservesWhileThereIsRoomAndRefusesBeyondIt() {
		InFlightBytes inFlight = new InFlightBytes(1000);

		assertThat(inFlight.tryReserve(600)).isEqualTo(600);
		assertThat(inFlight.tryReserve(500)).isEqualTo(-1);
		assertThat(inFlight.tryReserve(400)).isEqualTo(400);
		assertThat(inFlight.inFlight()).isEqualTo(1000);
	}

	@Test
	void givesRoomBackWhenKafkaAcknowledges() {
		InFlightBytes inFlight = new InFlightBytes(1000);
		int reserved = inFlight.tryReserve(800);

		inFlight.release(reserved);

		assertThat(inFlight.inFlight()).isZero();
		assertThat(inFlight.tryReserve(1000)).isEqualTo(1000);
	}

	@Test
	void letsARequestLargerThanTheBoundThroughWhenNothingElseIsInFlight() {
		InFlightBytes inFlight = new InFlightBytes(1000);

		int reserved = inFlight.tryReserve(5000);

		assertThat(reserved).isEqualTo(1000);
		assertThat(inFlight.tryReserve(1)).isEqualTo(-1);
		inFlight.release(reserved);
		assertThat(inFlight.inFlight()).isZero();
	}

	@Test
	void boundsACapacityBeyondWhatASemaphoreHolds() {
		InFlightBytes inFlight = new InFlightBytes(10L * Integer.MAX_VALUE);

		assertThat(inFlight.tryReserve(Integer.MAX_VALUE)).isEqualTo(Integer.MAX_VALUE);
		assertThat(inFlight.tryReserve(1)).isEqualTo(-1);
	}

}

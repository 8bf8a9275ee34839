package org.passerelle.runtime.events;

/** An event of the test application. */
@EventType(name = "SampleHappened", aggregate = "sample")
public record SampleHappened(String sampleId, int step, String name) {
}

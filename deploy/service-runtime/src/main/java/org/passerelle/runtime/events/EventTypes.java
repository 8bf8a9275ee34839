package org.passerelle.runtime.events;

/** How an event's names are built from its {@link EventType}: the CloudEvents type and the Kafka topic. */
public final class EventTypes {

    private EventTypes() {
    }

    public static EventType of(Class<?> payloadType) {
        EventType type = payloadType.getAnnotation(EventType.class);
        if (type == null) {
            throw new IllegalArgumentException(payloadType.getName() + " is not annotated with @EventType");
        }
        return type;
    }

    /** passerelle.agreements.AgreementActivated.v1 */
    public static String cloudEventType(String service, EventType type) {
        return "passerelle." + service + "." + type.name() + ".v" + type.version();
    }

    /** agreements.agreement.events */
    public static String topic(String service, EventType type) {
        return service + "." + type.aggregate() + ".events";
    }
}

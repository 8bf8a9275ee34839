package org.passerelle.mobility.learning;

/** The three parties whose approvals put a version of a learning agreement in force. */
public enum Party {
    STUDENT,
    SENDING_COORDINATOR,
    RECEIVING_COORDINATOR
}

package org.gridfleet.aggregator.openadr;

/** The six addressable OpenADR 3 object types (the {@code objectTypes} enum of the contract). */
public enum ObjectType {
    PROGRAM, EVENT, REPORT, SUBSCRIPTION, VEN, RESOURCE
}

package org.gridfleet.aggregator.fleet;

/** Battery cell chemistry; it selects the degradation model's parameters. */
public enum Chemistry { NMC, LFP, NCA }

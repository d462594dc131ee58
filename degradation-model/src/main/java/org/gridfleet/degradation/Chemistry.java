package org.gridfleet.degradation;

import java.util.Arrays;
import java.util.stream.Collectors;

/** The cell models available, each with the id used in configuration and on the command line. */
public enum Chemistry {
    /** NMC111-graphite, Kokam 75 Ah (Smith et al. 2017). */
    NMC111_KOKAM_75AH("nmc111-kokam", new Nmc111Kokam75Ah()),
    /** LFP-graphite, 250 Ah prismatic (Gasper et al. 2023). */
    LFP_250AH("lfp-250ah", new LfpGraphite250Ah()),
    /** NCA-graphite, Panasonic 3 Ah 18650 (BLAST-Lite). */
    NCA_PANASONIC_3AH("nca-panasonic", new NcaPanasonic3Ah());

    private final String id;
    private final AgingModel model;

    Chemistry(String id, AgingModel model) {
        this.id = id;
        this.model = model;
    }

    public String id() {
        return id;
    }

    /** The stateless aging model of this chemistry. */
    public AgingModel model() {
        return model;
    }

    /** @throws IllegalArgumentException naming the unknown id and the known ones */
    public static Chemistry fromId(String id) {
        for (Chemistry chemistry : values()) {
            if (chemistry.id.equals(id)) {
                return chemistry;
            }
        }
        throw new IllegalArgumentException("unknown model '" + id + "'; known models: " + knownIds());
    }

    /** Known ids, comma separated. */
    public static String knownIds() {
        return Arrays.stream(values()).map(Chemistry::id).collect(Collectors.joining(", "));
    }
}

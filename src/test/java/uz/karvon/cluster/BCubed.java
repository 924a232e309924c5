package uz.karvon.cluster;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * B-cubed precision and recall (Bagga and Baldwin 1998; Amigó et al. 2009): for each item, the share of
 * its predicted cluster that is in its gold cluster (precision) and the share of its gold cluster that is
 * in its predicted cluster (recall), averaged over the items.
 */
record BCubed(double precision, double recall, int items) {

    double f1() {
        return precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
    }

    /** Scores the items whose index is in {@code keep}: gold.get(i) and predicted.get(i) label item i. */
    static BCubed of(List<String> gold, List<String> predicted, List<Integer> keep) {
        Map<String, Integer> goldSize = new HashMap<>();
        Map<String, Integer> predSize = new HashMap<>();
        Map<String, Integer> both = new HashMap<>();
        for (int i : keep) {
            goldSize.merge(gold.get(i), 1, Integer::sum);
            predSize.merge(predicted.get(i), 1, Integer::sum);
            both.merge(gold.get(i) + "\u0000" + predicted.get(i), 1, Integer::sum);
        }
        double p = 0;
        double r = 0;
        for (int i : keep) {
            double common = both.get(gold.get(i) + "\u0000" + predicted.get(i));
            p += common / predSize.get(predicted.get(i));
            r += common / goldSize.get(gold.get(i));
        }
        int n = keep.size();
        return n == 0 ? new BCubed(0, 0, 0) : new BCubed(p / n, r / n, n);
    }
}

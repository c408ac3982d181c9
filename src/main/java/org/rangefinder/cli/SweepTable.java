package org.rangefinder.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.rangefinder.rangetest.MemberSummary;
import org.rangefinder.rangetest.SweepFactor;
import org.rangefinder.rangetest.SweepResult;

/**
 * A sweep's members, one row each, as {@code range-test --sweep} prints them and {@code runs show} shows a recorded
 * sweep: the member's place from 1 (the {@code run} of its curves' CSV), its value of the factor, why it stopped, its
 * points, its lowest smoothed loss and the learning rate there, the raw loss of its last point (where it stopped),
 * and its suggestions; a seed sweep's medians in a last row. What a member lacks is {@code -}.
 */
final class SweepTable {
    private SweepTable() {
    }

    /** @param seeds a seed sweep's summary, or null */
    static void print(PrintWriter out, SweepFactor factor, List<MemberSummary> members, SweepResult.SeedSummary seeds) {
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"run", factor.id(), "stop", "points", "lowest smoothed", "at lr", "last loss", "steep",
            "valley", "minimum", "1cycle range"});
        for (int m = 0; m < members.size(); m++) {
            MemberSummary s = members.get(m);
            rows.add(new String[] {String.valueOf(m + 1), s.value(), s.stopReason(),
                s.points() == null ? null : String.valueOf(s.points()), loss(s.lowestLoss()),
                Format.lr(s.lowestLossLr()), loss(s.lastLoss()), Format.lr(s.steep()), Format.lr(s.valley()),
                Format.lr(s.minimum()), s.rangeMin() == null || s.rangeMax() == null ? null
                        : Format.lr(s.rangeMin()) + " .. " + Format.lr(s.rangeMax())});
        }
        if (seeds != null) {
            rows.add(new String[] {"", "median", "", String.valueOf(seeds.lrs().length), "", "", "",
                Format.lr(seeds.medianSteep()), Format.lr(seeds.medianValley()), Format.lr(seeds.medianMinimum()),
                ""});
        }
        TextTable.print(out, rows, new boolean[] {true, false, false, true, true, true, true, true, true, true, false});
    }

    private static String loss(Double value) {
        return value == null ? null : String.format(Locale.ROOT, "%.4f", value);
    }
}

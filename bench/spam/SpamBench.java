import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import news.broadsheet.comment.internal.spam.LabelledComments;
import news.broadsheet.comment.internal.spam.SpamModel;
import news.broadsheet.comment.internal.spam.SpamTrainer;

/**
 * Evaluates Broadsheet's spam filter, trained exactly as the product trains it (SpamTrainer.train:
 * the model on every training comment, both thresholds by five-fold cross-validation on the
 * training comments only).
 *
 * <pre>
 *   --train A.csv B.csv … --test C.csv     precision, recall, F1, false-positive rate on C
 *   --leave-one-out DIR [--curve FILE]     each CSV of DIR tested on a model trained on the others,
 *                                          and the learning curve (F1 after 50 … all examples)
 * </pre>
 */
public class SpamBench {

    public static void main(String[] args) throws IOException {
        List<Path> train = new ArrayList<>();
        Path test = null;
        Path folder = null;
        Path curve = null;
        String mode = null;
        for (String arg : args) {
            switch (arg) {
                case "--train", "--test", "--leave-one-out", "--curve" -> mode = arg;
                default -> {
                    switch (mode == null ? "" : mode) {
                        case "--train" -> train.add(Path.of(arg));
                        case "--test" -> test = Path.of(arg);
                        case "--leave-one-out" -> folder = Path.of(arg);
                        case "--curve" -> curve = Path.of(arg);
                        default -> usage();
                    }
                }
            }
        }
        PrintStream out = System.out;
        if (folder != null) {
            leaveOneOut(folder, curve, out);
        } else if (!train.isEmpty() && test != null) {
            List<SpamTrainer.Example> examples = new ArrayList<>();
            for (Path file : train) {
                examples.addAll(read(file));
            }
            Fold fold = evaluate(examples, read(test));
            out.println(String.format(Locale.ROOT, "trained on %d comments in %.1f s (model and 5 folds), tested on %s;"
                    + " median %.0f µs to score a comment", examples.size(), fold.trainSeconds(), test.getFileName(),
                    fold.microsPerScore()));
            out.println(header());
            out.println(fold.row(test.getFileName().toString(), "likely spam"));
            out.println(fold.row(test.getFileName().toString(), "held as spam"));
        } else {
            usage();
        }
    }

    private static void usage() {
        System.err.println("usage: SpamBench --train A.csv [B.csv …] --test C.csv | --leave-one-out DIR [--curve FILE]");
        System.exit(2);
    }

    static List<SpamTrainer.Example> read(Path file) throws IOException {
        try (var reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            // Each file is one video, as a story is on a site: cross-validation holds it out whole.
            String group = file.getFileName().toString();
            return LabelledComments.read(reader).stream().map(row -> row.example(group)).toList();
        }
    }

    record Counts(int tp, int fp, int fn, int tn) {
        Counts plus(Counts other) {
            return new Counts(tp + other.tp, fp + other.fp, fn + other.fn, tn + other.tn);
        }

        double precision() {
            return tp + fp == 0 ? 1 : tp / (double) (tp + fp);
        }

        double recall() {
            return tp + fn == 0 ? 1 : tp / (double) (tp + fn);
        }

        double f1() {
            return precision() + recall() == 0 ? 0 : 2 * precision() * recall() / (precision() + recall());
        }

        double fpr() {
            return fp + tn == 0 ? 0 : fp / (double) (fp + tn);
        }

        String cells() {
            return String.format(Locale.ROOT, "%.3f | %.3f | **%.3f** | %.2f%% (%d of %d)",
                    precision(), recall(), f1(), 100 * fpr(), fp, fp + tn);
        }
    }

    record Fold(SpamTrainer.TrainedFilter filter, Counts likely, Counts hold, double trainSeconds, double microsPerScore) {
        String row(String name, String which) {
            Counts counts = which.equals("held as spam") ? hold : likely;
            double threshold = which.equals("held as spam") ? filter.thresholds().hold() : filter.thresholds().likely();
            return String.format(Locale.ROOT, "| %s | %s | %.3f | %s |", name, which, threshold, counts.cells());
        }
    }

    static String header() {
        return "| test set | threshold | value | precision | recall | F1 | false positives |\n|---|---|---|---|---|---|---|";
    }

    static Fold evaluate(List<SpamTrainer.Example> training, List<SpamTrainer.Example> test) {
        long start = System.nanoTime();
        SpamTrainer.TrainedFilter filter = SpamTrainer.train(training);
        double trainSeconds = (System.nanoTime() - start) / 1e9;
        SpamModel model = filter.model();
        int[] likely = new int[4];
        int[] hold = new int[4];
        long[] nanos = new long[test.size()];
        for (int i = 0; i < test.size(); i++) {
            SpamTrainer.Example example = test.get(i);
            long before = System.nanoTime();
            double score = model.score(example.author(), example.text());
            nanos[i] = System.nanoTime() - before;
            count(likely, score >= filter.thresholds().likely(), example.spam());
            count(hold, score >= filter.thresholds().hold(), example.spam());
        }
        Arrays.sort(nanos);
        return new Fold(filter, counts(likely), counts(hold), trainSeconds, nanos[nanos.length / 2] / 1e3);
    }

    private static void count(int[] counts, boolean flagged, boolean spam) {
        counts[flagged ? (spam ? 0 : 1) : (spam ? 2 : 3)]++;
    }

    private static Counts counts(int[] counts) {
        return new Counts(counts[0], counts[1], counts[2], counts[3]);
    }

    static void leaveOneOut(Path folder, Path curveFile, PrintStream out) throws IOException {
        List<Path> files;
        try (var listing = Files.list(folder)) {
            files = listing.filter(file -> file.toString().endsWith(".csv")).sorted().toList();
        }
        out.println("## Leave one file out (" + files.size() + " folds)\n");
        out.println(header());
        Counts likely = new Counts(0, 0, 0, 0);
        Counts hold = new Counts(0, 0, 0, 0);
        List<String> timings = new ArrayList<>();
        List<String> holdRows = new ArrayList<>();
        for (Path test : files) {
            List<SpamTrainer.Example> training = new ArrayList<>();
            for (Path other : files) {
                if (!other.equals(test)) {
                    training.addAll(read(other));
                }
            }
            Fold fold = evaluate(training, read(test));
            String name = test.getFileName().toString();
            out.println(fold.row(name, "likely spam"));
            holdRows.add(fold.row(name, "held as spam"));
            likely = likely.plus(fold.likely());
            hold = hold.plus(fold.hold());
            timings.add(String.format(Locale.ROOT,
                    "| %s | %d | %.2f s | %.1f µs | %.2f%% / %.3f |",
                    name, training.size(), fold.trainSeconds(), fold.microsPerScore(),
                    100 * fold.filter().atHold().falsePositiveRate(), fold.filter().atHold().f1()));
        }
        out.println(String.format(Locale.ROOT, "| **all folds** | likely spam | | %s |", likely.cells()));
        holdRows.forEach(out::println);
        out.println(String.format(Locale.ROOT, "| **all folds** | held as spam | | %s |", hold.cells()));
        out.println("\n## Cost, and what cross-validation promised\n");
        out.println("| test set | training comments | training (model + 5 folds) | median score | CV estimate at hold: FPR / F1 |");
        out.println("|---|---|---|---|---|");
        timings.forEach(out::println);

        out.println("\n## Learning curve\n");
        out.println("F1 on the held-out file, averaged over the folds, after training on a random sample of n"
                + " comments of the other files (seeded; the same draw for every n).\n");
        out.println("| training comments | F1, likely spam | F1, held as spam | FPR, held as spam |\n|---|---|---|---|");
        List<String> points = new ArrayList<>();
        for (int size : new int[] {50, 100, 200, 400, 600, 800, Integer.MAX_VALUE}) {
            double likelyF1 = 0;
            double holdF1 = 0;
            double holdFpr = 0;
            int n = 0;
            int used = 0;
            for (Path test : files) {
                List<SpamTrainer.Example> training = new ArrayList<>();
                for (Path other : files) {
                    if (!other.equals(test)) {
                        training.addAll(read(other));
                    }
                }
                Collections.shuffle(training, new Random(7));
                List<SpamTrainer.Example> sample = training.subList(0, Math.min(size, training.size()));
                if (!SpamTrainer.enough(sample)) {
                    continue;
                }
                Fold fold = evaluate(sample, read(test));
                likelyF1 += fold.likely().f1();
                holdF1 += fold.hold().f1();
                holdFpr += fold.hold().fpr();
                n++;
                used += sample.size();
            }
            String label = size == Integer.MAX_VALUE ? "all (" + used / n + ")" : String.valueOf(size);
            out.println(String.format(Locale.ROOT, "| %s | %.3f | %.3f | %.2f%% |", label, likelyF1 / n, holdF1 / n, 100 * holdFpr / n));
            points.add(String.format(Locale.ROOT, "%d\t%.4f\t%.4f", used / n, likelyF1 / n, holdF1 / n));
        }
        if (curveFile != null) {
            Files.write(curveFile, points);
        }
    }
}

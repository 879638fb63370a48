package news.broadsheet.comment.internal.spam;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * Trains the spam model from labelled comments and chooses its two thresholds from the same data
 * by cross-validation, so what the thresholds promise is measured on comments the model did not
 * learn from. Deterministic: the same examples give the same model on every node.
 */
public final class SpamTrainer {

    /** The fewest examples of each kind to learn from; below it, the rules alone decide. */
    public static final int MINIMUM_PER_CLASS = 10;

    /**
     * The share of readers' comments that may be held as spam when the estimate comes from folds
     * that hold out whole stories: a story the model never saw, as every new one is. Measured
     * leaving one video out (bench/spam-report.md), this estimate held on every video.
     */
    static final double HOLD_FALSE_POSITIVES = 0.01;

    /**
     * The same when the examples cannot be grouped (fewer than three stories): folds that mix every
     * story promise too little (0.35% estimated came out as 1.5-1.7% on two new videos), so half.
     */
    static final double HOLD_FALSE_POSITIVES_UNGROUPED = 0.005;

    /**
     * The fewest readers' comments among the examples before anything is held as spam. With n
     * readers' comments and none scored above a threshold, all one can say (at 95% confidence) is
     * that fewer than 3/n of new readers' comments would be (the rule of three): below 300, not even
     * a threshold above every reader seen could show that at most 1% would be held.
     * Measured (bench/spam-report.md), models that learned from 25-200 readers' comments held
     * 1.3-4.1% of a new video's readers. Until then spam the model knows is only marked likely spam,
     * and waits for a moderator in the pending queue.
     */
    public static final int READERS_BEFORE_HOLDING = 300;

    /**
     * What a model that holds nothing yet does, in words for the newsroom: the same on the comment
     * settings page as in the log.
     *
     * @param readersLearnedFrom how many readers' comments the model learned from
     */
    public static String holdsNothingYet(int readersLearnedFrom) {
        return "holds nothing until it has learned from " + READERS_BEFORE_HOLDING
                + " readers' comments (the model in use learned from " + readersLearnedFrom + ")";
    }

    /** A hold threshold no score reaches (scores are at most 1): nothing is held. */
    static final double NEVER = Math.nextUp(1.0);

    private static final int FOLDS = 5;
    /** Fewer stories than this and folds cannot hold out whole stories. */
    private static final int MINIMUM_GROUPS = 3;
    /** Passes over the examples: many for a small site's few decisions, fewer once they number thousands. */
    private static int epochs(int examples) {
        return Math.clamp(60_000 / Math.max(1, examples), 10, 50);
    }

    private static final double LEARNING_RATE = 0.2;
    private static final double L2 = 1e-6;
    private static final long SEED = 20261205L;

    private SpamTrainer() {}

    /**
     * A comment and what it is.
     *
     * @param group what the comment was written under (its story, or the upload it came in):
     *     cross-validation holds out whole groups, so its estimate is for a story the model has not
     *     seen
     */
    public record Example(String author, String text, boolean spam, String group) {

        /** An example in no particular group. */
        public Example(String author, String text, boolean spam) {
            this(author, text, spam, "");
        }
    }

    /**
     * Above {@code hold} a comment is held as spam; from {@code likely} up to it, it waits for a
     * moderator marked "likely spam".
     */
    public record Thresholds(double likely, double hold) {

        /** Whether any comment is held: not while there are too few readers' comments to promise 1%. */
        public boolean holds() {
            return hold <= 1;
        }
    }

    /** How a threshold did on comments the model had not learned from. */
    public record Estimate(double precision, double recall, double f1, double falsePositiveRate) {

        static Estimate of(int truePositives, int falsePositives, int spam, int ham) {
            double precision =
                    truePositives + falsePositives == 0 ? 1 : truePositives / (double) (truePositives + falsePositives);
            double recall = spam == 0 ? 1 : truePositives / (double) spam;
            double f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
            return new Estimate(precision, recall, f1, ham == 0 ? 0 : falsePositives / (double) ham);
        }
    }

    /** A model with its thresholds and their cross-validated estimates. */
    public record TrainedFilter(
            SpamModel model,
            Thresholds thresholds,
            int spamExamples,
            int hamExamples,
            Estimate atHold,
            Estimate atLikely) {}

    /** Whether there is enough to learn from. */
    public static boolean enough(List<Example> examples) {
        long spam = examples.stream().filter(Example::spam).count();
        return spam >= MINIMUM_PER_CLASS && examples.size() - spam >= MINIMUM_PER_CLASS;
    }

    /**
     * Trains on every example, with thresholds from cross-validation: folds that hold out whole
     * stories when there are three or more, else five stratified folds.
     */
    public static TrainedFilter train(List<Example> examples) {
        if (!enough(examples)) {
            throw new IllegalArgumentException("At least " + MINIMUM_PER_CLASS + " spam and " + MINIMUM_PER_CLASS
                    + " other comments are needed to learn from");
        }
        List<Labelled> all = labelled(examples);
        double[] outOfFold = new double[all.size()];
        int[] foldOf = groupedFolds(examples);
        boolean grouped = foldOf != null;
        if (foldOf == null) {
            foldOf = stratifiedFolds(all);
        }
        int folds = Arrays.stream(foldOf).max().orElse(0) + 1;
        for (int fold = 0; fold < folds; fold++) {
            List<Labelled> training = new ArrayList<>();
            List<Integer> held = new ArrayList<>();
            for (int example = 0; example < all.size(); example++) {
                if (foldOf[example] == fold) {
                    held.add(example);
                } else {
                    training.add(all.get(example));
                }
            }
            SpamModel model = fit(training);
            for (int example : held) {
                outOfFold[example] = model.score(all.get(example).features());
            }
        }
        boolean[] spam = new boolean[all.size()];
        for (int i = 0; i < all.size(); i++) {
            spam[i] = all.get(i).spam();
        }
        Thresholds thresholds =
                choose(outOfFold, spam, grouped ? HOLD_FALSE_POSITIVES : HOLD_FALSE_POSITIVES_UNGROUPED);
        int spamCount = count(spam, true);
        return new TrainedFilter(
                fit(all),
                thresholds,
                spamCount,
                spam.length - spamCount,
                estimate(outOfFold, spam, thresholds.hold()),
                estimate(outOfFold, spam, thresholds.likely()));
    }

    /**
     * The hold threshold lets at most {@code allowedShare} of the readers' comments through (never
     * below 0.5), or holds nothing while there are fewer than {@value #READERS_BEFORE_HOLDING}
     * readers' comments; the "likely spam" one is the best F1 below it.
     */
    static Thresholds choose(double[] scores, boolean[] spam, double allowedShare) {
        double[] ham = new double[count(spam, false)];
        int h = 0;
        for (int i = 0; i < scores.length; i++) {
            if (!spam[i]) {
                ham[h++] = scores[i];
            }
        }
        Arrays.sort(ham);
        int allowed = (int) Math.floor(allowedShare * ham.length);
        // Held when the score is at least the threshold: just above the (allowed + 1)-th highest reader.
        double hold = ham.length < READERS_BEFORE_HOLDING
                ? NEVER
                : Math.min(Math.max(0.5, Math.nextUp(ham[ham.length - 1 - allowed])), 0.999);
        double likely = hold;
        double best = -1;
        for (double candidate : scores) {
            if (candidate >= 0.2 && candidate < hold) {
                double f1 = estimate(scores, spam, candidate).f1();
                if (f1 > best || (f1 == best && candidate > likely)) {
                    best = f1;
                    likely = candidate;
                }
            }
        }
        // Halfway down to the next lower score: the same examples are flagged, and a new comment a
        // little weaker than the weakest spam seen is too (where spam and readers lie far apart, as
        // on a small site's first decisions, the best score is the weakest spam's, with no margin).
        double below = Double.NEGATIVE_INFINITY;
        for (double score : scores) {
            if (score < likely && score > below) {
                below = score;
            }
        }
        if (best >= 0 && below > Double.NEGATIVE_INFINITY) {
            likely = Math.max(0.2, (likely + below) / 2);
        }
        return new Thresholds(Math.min(likely, hold), hold);
    }

    static Estimate estimate(double[] scores, boolean[] spam, double threshold) {
        int truePositives = 0;
        int falsePositives = 0;
        for (int i = 0; i < scores.length; i++) {
            if (scores[i] >= threshold) {
                if (spam[i]) {
                    truePositives++;
                } else {
                    falsePositives++;
                }
            }
        }
        return Estimate.of(truePositives, falsePositives, count(spam, true), count(spam, false));
    }

    private record Labelled(List<SpamFeatures.Feature> features, boolean spam) {}

    private static List<Labelled> labelled(List<Example> examples) {
        return examples.stream()
                .map(example -> new Labelled(SpamFeatures.of(example.author(), example.text()), example.spam()))
                .toList();
    }

    /** Logistic regression by AdaGrad, the two kinds weighed equally whatever their numbers. */
    private static SpamModel fit(List<Labelled> examples) {
        float[] weights = new float[SpamFeatures.SIZE];
        float[] squares = new float[SpamFeatures.SIZE];
        double bias = 0;
        double biasSquares = 0;
        int spam = (int) examples.stream().filter(Labelled::spam).count();
        int ham = examples.size() - spam;
        double spamWeight = examples.size() / (2.0 * Math.max(1, spam));
        double hamWeight = examples.size() / (2.0 * Math.max(1, ham));
        List<Labelled> order = new ArrayList<>(examples);
        Random random = new Random(SEED);
        int epochs = epochs(examples.size());
        for (int epoch = 0; epoch < epochs; epoch++) {
            Collections.shuffle(order, random);
            for (Labelled example : order) {
                double margin = bias;
                for (SpamFeatures.Feature feature : example.features()) {
                    margin += weights[feature.index()] * feature.value();
                }
                double error = (SpamModel.sigmoid(margin) - (example.spam() ? 1 : 0))
                        * (example.spam() ? spamWeight : hamWeight);
                for (SpamFeatures.Feature feature : example.features()) {
                    int i = feature.index();
                    double gradient = error * feature.value() + L2 * weights[i];
                    squares[i] += (float) (gradient * gradient);
                    weights[i] -= (float) (LEARNING_RATE * gradient / Math.sqrt(squares[i] + 1e-8));
                }
                biasSquares += error * error;
                bias -= LEARNING_RATE * error / Math.sqrt(biasSquares + 1e-8);
            }
        }
        return new SpamModel(weights, (float) bias);
    }

    /**
     * Each example's fold when there are stories enough to hold out whole ones: up to five folds,
     * the biggest stories placed first, each in the fold with the fewest examples so far; null when
     * there are fewer than {@value #MINIMUM_GROUPS} stories.
     */
    static int @Nullable [] groupedFolds(List<Example> examples) {
        Map<String, Integer> sizes = new TreeMap<>();
        examples.forEach(example -> sizes.merge(example.group(), 1, Integer::sum));
        if (sizes.size() < MINIMUM_GROUPS) {
            return null;
        }
        int folds = Math.min(FOLDS, sizes.size());
        List<Map.Entry<String, Integer>> biggestFirst = new ArrayList<>(sizes.entrySet());
        biggestFirst.sort(Map.Entry.<String, Integer>comparingByValue().reversed());
        int[] filled = new int[folds];
        Map<String, Integer> foldOfGroup = new HashMap<>();
        for (Map.Entry<String, Integer> group : biggestFirst) {
            int emptiest = 0;
            for (int fold = 1; fold < folds; fold++) {
                if (filled[fold] < filled[emptiest]) {
                    emptiest = fold;
                }
            }
            foldOfGroup.put(group.getKey(), emptiest);
            filled[emptiest] += group.getValue();
        }
        return examples.stream()
                .mapToInt(example -> foldOfGroup.get(example.group()))
                .toArray();
    }

    /** Each example's fold, five folds each with its share of spam and of the rest. */
    private static int[] stratifiedFolds(List<Labelled> examples) {
        List<Integer> spam = new ArrayList<>();
        List<Integer> ham = new ArrayList<>();
        for (int i = 0; i < examples.size(); i++) {
            (examples.get(i).spam() ? spam : ham).add(i);
        }
        Random random = new Random(SEED);
        Collections.shuffle(spam, random);
        Collections.shuffle(ham, random);
        List<Integer> order = new ArrayList<>(spam);
        order.addAll(ham);
        int[] foldOf = new int[examples.size()];
        for (int position = 0; position < order.size(); position++) {
            foldOf[order.get(position)] = position % FOLDS;
        }
        return foldOf;
    }

    private static int count(boolean[] spam, boolean value) {
        int count = 0;
        for (boolean each : spam) {
            if (each == value) {
                count++;
            }
        }
        return count;
    }
}

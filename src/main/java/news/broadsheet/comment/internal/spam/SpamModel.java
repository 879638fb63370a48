package news.broadsheet.comment.internal.spam;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Comparator;
import java.util.List;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.InflaterInputStream;

/**
 * A logistic regression over {@link SpamFeatures}: a comment's spam score is the probability the
 * model gives it, from 0 (surely a reader) to 1 (surely spam). Scoring reads a few hundred weights;
 * the model is immutable once trained, so every request thread may share it.
 */
public final class SpamModel {

    private static final int FORMAT = 1;

    private final float[] weights;
    private final float bias;

    SpamModel(float[] weights, float bias) {
        this.weights = weights;
        this.bias = bias;
    }

    /** The spam score of a comment, between 0 and 1. */
    public double score(String author, String text) {
        return score(SpamFeatures.of(author, text));
    }

    double score(List<SpamFeatures.Feature> features) {
        return sigmoid(margin(features));
    }

    double margin(List<SpamFeatures.Feature> features) {
        double sum = bias;
        for (SpamFeatures.Feature feature : features) {
            sum += weights[feature.index()] * feature.value();
        }
        return sum;
    }

    /** What weighed for and against spam in a comment, the strongest first. */
    public record Reason(String feature, double weight) {

        /** The feature as a moderator reads it: the word, the pair, the letters, the site, the shape. */
        public String label() {
            int colon = feature.indexOf(':');
            String kind = feature.substring(0, colon);
            String value = feature.substring(colon + 1);
            return switch (kind) {
                case "w" -> "“" + value + "”";
                case "b" -> "“" + value + "”";
                case "c" -> "…" + value.strip() + "…";
                case "site" -> "a link to " + value;
                case "links" -> value + (value.equals("1") ? " link" : " links");
                default -> kind + " " + value;
            };
        }
    }

    /** The {@code limit} features that moved this comment's score most, either way. */
    public List<Reason> reasons(String author, String text, int limit) {
        return SpamFeatures.of(author, text).stream()
                .map(feature -> new Reason(feature.name(), weights[feature.index()] * feature.value()))
                .filter(reason -> reason.weight() != 0)
                .sorted(Comparator.comparingDouble((Reason reason) -> -Math.abs(reason.weight())))
                .limit(limit)
                .toList();
    }

    static double sigmoid(double margin) {
        return 1 / (1 + Math.exp(-margin));
    }

    /** The model as bytes for the database: its non-zero weights, compressed. */
    public byte[] toBytes() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(new DeflaterOutputStream(bytes))) {
            out.writeInt(FORMAT);
            out.writeInt(SpamFeatures.BITS);
            out.writeFloat(bias);
            int nonZero = 0;
            for (float weight : weights) {
                if (weight != 0) {
                    nonZero++;
                }
            }
            out.writeInt(nonZero);
            for (int i = 0; i < weights.length; i++) {
                if (weights[i] != 0) {
                    out.writeInt(i);
                    out.writeFloat(weights[i]);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** A model written by {@link #toBytes}. */
    public static SpamModel fromBytes(byte[] data) {
        try (DataInputStream in = new DataInputStream(new InflaterInputStream(new ByteArrayInputStream(data)))) {
            int format = in.readInt();
            int bits = in.readInt();
            if (format != FORMAT || bits != SpamFeatures.BITS) {
                throw new IllegalArgumentException(
                        "A spam model of another format (" + format + ", " + bits + " bits)");
            }
            float bias = in.readFloat();
            float[] weights = new float[SpamFeatures.SIZE];
            int nonZero = in.readInt();
            for (int i = 0; i < nonZero; i++) {
                weights[in.readInt()] = in.readFloat();
            }
            return new SpamModel(weights, bias);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

package org.porchlight.understanding;

import static java.util.Objects.requireNonNull;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import java.nio.FloatBuffer;
import java.nio.LongBuffer;
import java.util.Arrays;
import java.util.Map;

/**
 * all-MiniLM-L6-v2 (quantized) through ONNX Runtime: a message in, 384 numbers out whose direction
 * is its meaning. The mean of the last hidden state over the message's tokens, scaled to length 1,
 * as sentence-transformers does for this model. One session for the life of the process; ONNX
 * Runtime lets many threads run it at once.
 */
final class OnnxEmbedder implements AutoCloseable {
  static final int DIMENSIONS = 384;

  private final OrtEnvironment environment;
  private final OrtSession session;
  private final WordPieceTokenizer tokenizer;

  private OnnxEmbedder(
      OrtEnvironment environment, OrtSession session, WordPieceTokenizer tokenizer) {
    this.environment = environment;
    this.session = session;
    this.tokenizer = tokenizer;
  }

  /**
   * Loads the model from the bytes of its {@code .onnx} file. Throws {@link LinkageError} when ONNX
   * Runtime has no native library for this platform.
   */
  static OnnxEmbedder load(byte[] model, WordPieceTokenizer tokenizer) throws OrtException {
    requireNonNull(model, "model == null");
    requireNonNull(tokenizer, "tokenizer == null");
    OrtEnvironment environment = OrtEnvironment.getEnvironment();
    try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
      // One thread a message: on two cores, latency stays predictable and the bot keeps a core.
      options.setIntraOpNumThreads(1);
      options.setInterOpNumThreads(1);
      options.setExecutionMode(OrtSession.SessionOptions.ExecutionMode.SEQUENTIAL);
      options.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
      return new OnnxEmbedder(environment, environment.createSession(model, options), tokenizer);
    }
  }

  /** The meaning of {@code text}: 384 numbers, of length 1. */
  float[] embed(String text) throws OrtException {
    long[] ids = tokenizer.ids(text);
    int n = ids.length;
    long[] shape = {1, n};
    long[] mask = new long[n];
    Arrays.fill(mask, 1);
    long[] types = new long[n];
    try (OnnxTensor inputIds = OnnxTensor.createTensor(environment, LongBuffer.wrap(ids), shape);
        OnnxTensor attention = OnnxTensor.createTensor(environment, LongBuffer.wrap(mask), shape);
        OnnxTensor typeIds = OnnxTensor.createTensor(environment, LongBuffer.wrap(types), shape);
        OrtSession.Result result =
            session.run(
                Map.of(
                    "input_ids", inputIds,
                    "attention_mask", attention,
                    "token_type_ids", typeIds))) {
      FloatBuffer hidden = ((OnnxTensor) result.get(0)).getFloatBuffer();
      return meanOfTokens(hidden, mask);
    }
  }

  /** The mean of each token's state where the mask is 1, scaled to length 1. */
  static float[] meanOfTokens(FloatBuffer hidden, long[] mask) {
    int dimensions = hidden.remaining() / mask.length;
    double[] sum = new double[dimensions];
    int counted = 0;
    for (int token = 0; token < mask.length; token++) {
      if (mask[token] == 0) continue;
      counted++;
      int at = token * dimensions;
      for (int d = 0; d < dimensions; d++) sum[d] += hidden.get(at + d);
    }
    double norm = 0;
    for (int d = 0; d < dimensions; d++) {
      sum[d] /= Math.max(counted, 1);
      norm += sum[d] * sum[d];
    }
    norm = Math.max(Math.sqrt(norm), 1e-12);
    float[] embedding = new float[dimensions];
    for (int d = 0; d < dimensions; d++) embedding[d] = (float) (sum[d] / norm);
    return embedding;
  }

  @Override
  public void close() throws OrtException {
    session.close();
  }
}

package org.porchlight.understanding;

import static java.util.Objects.requireNonNull;

/**
 * A probability from a line through the embeddings: {@code 1 / (1 + e^-(w·x + b))}, the features
 * first brought to mean 0 and spread 1. Fitted by Newton's method with an L2 penalty, which finds
 * the one best line in a handful of steps and needs no learning rate to tune.
 */
final class LogisticRegression {
  private static final int MAX_STEPS = 30;
  private static final double CONVERGED = 1e-6;

  private final double[] mean;
  private final double[] spread;
  private final double[] weights; // the last one is the bias

  private LogisticRegression(double[] mean, double[] spread, double[] weights) {
    this.mean = mean;
    this.spread = spread;
    this.weights = weights;
  }

  /**
   * Fits {@code y} (0 or 1) from {@code x}, each row counting {@code weight[i]}; {@code penalty}
   * pulls the weights towards 0 (not the bias), the more so the larger it is.
   */
  static LogisticRegression fit(float[][] x, double[] y, double[] weight, double penalty) {
    requireNonNull(x, "x == null");
    int rows = x.length;
    if (rows == 0 || y.length != rows || weight.length != rows) {
      throw new IllegalArgumentException("x, y and weight must be as long, and not empty");
    }
    int features = x[0].length;
    double[] mean = new double[features];
    double[] spread = new double[features];
    for (float[] row : x) for (int j = 0; j < features; j++) mean[j] += row[j];
    for (int j = 0; j < features; j++) mean[j] /= rows;
    for (float[] row : x) {
      for (int j = 0; j < features; j++) spread[j] += (row[j] - mean[j]) * (row[j] - mean[j]);
    }
    for (int j = 0; j < features; j++) spread[j] = Math.max(Math.sqrt(spread[j] / rows), 1e-9);

    int n = features + 1;
    double[][] z = new double[rows][n];
    for (int i = 0; i < rows; i++) {
      for (int j = 0; j < features; j++) z[i][j] = (x[i][j] - mean[j]) / spread[j];
      z[i][features] = 1;
    }

    double[] w = new double[n];
    double[] p = new double[rows];
    for (int step = 0; step < MAX_STEPS; step++) {
      double[] gradient = new double[n];
      double[][] hessian = new double[n][n];
      for (int i = 0; i < rows; i++) {
        p[i] = sigmoid(dot(w, z[i]));
        double g = weight[i] * (p[i] - y[i]);
        double h = weight[i] * Math.max(p[i] * (1 - p[i]), 1e-10);
        double[] zi = z[i];
        for (int a = 0; a < n; a++) {
          gradient[a] += g * zi[a];
          double hza = h * zi[a];
          double[] row = hessian[a];
          for (int b = 0; b <= a; b++) row[b] += hza * zi[b];
        }
      }
      for (int a = 0; a < n; a++) {
        for (int b = 0; b < a; b++) hessian[b][a] = hessian[a][b];
        if (a < features) {
          gradient[a] += penalty * w[a];
          hessian[a][a] += penalty;
        }
        // Keeps the bias's row solvable when every row is already fitted.
        hessian[a][a] += 1e-9;
      }
      double[] change = solve(hessian, gradient);
      double largest = 0;
      for (int a = 0; a < n; a++) {
        w[a] -= change[a];
        largest = Math.max(largest, Math.abs(change[a]));
      }
      if (largest < CONVERGED) break;
    }
    return new LogisticRegression(mean, spread, w);
  }

  /** The probability of 1 for {@code x}. */
  double probability(float[] x) {
    int features = mean.length;
    double sum = weights[features];
    for (int j = 0; j < features; j++) sum += weights[j] * (x[j] - mean[j]) / spread[j];
    return sigmoid(sum);
  }

  private static double sigmoid(double t) {
    return t >= 0 ? 1 / (1 + Math.exp(-t)) : Math.exp(t) / (1 + Math.exp(t));
  }

  private static double dot(double[] a, double[] b) {
    double sum = 0;
    for (int i = 0; i < a.length; i++) sum += a[i] * b[i];
    return sum;
  }

  /** Solves {@code m·x = v} for a symmetric positive-definite {@code m}, by Cholesky. */
  private static double[] solve(double[][] m, double[] v) {
    int n = v.length;
    double[][] l = new double[n][n];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j <= i; j++) {
        double sum = m[i][j];
        for (int k = 0; k < j; k++) sum -= l[i][k] * l[j][k];
        l[i][j] = i == j ? Math.sqrt(Math.max(sum, 1e-12)) : sum / l[j][j];
      }
    }
    double[] y = new double[n];
    for (int i = 0; i < n; i++) {
      double sum = v[i];
      for (int k = 0; k < i; k++) sum -= l[i][k] * y[k];
      y[i] = sum / l[i][i];
    }
    double[] x = new double[n];
    for (int i = n - 1; i >= 0; i--) {
      double sum = y[i];
      for (int k = i + 1; k < n; k++) sum -= l[k][i] * x[k];
      x[i] = sum / l[i][i];
    }
    return x;
  }
}

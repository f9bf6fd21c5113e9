package ${package};

/** Solves the ridge normal equations {@code (A + lambda I) W = B} by Gaussian elimination with partial pivoting. */
final class Ridge {

    private Ridge() {
    }

    /** {@code W} for {@code A} (n x n, symmetric), {@code B} (n x m) and {@code lambda > 0}; the inputs are not changed. */
    static double[][] solve(double[][] a, double[][] b, double lambda) {
        int n = a.length;
        int m = b[0].length;
        double[][] x = new double[n][n + m];
        for (int i = 0; i < n; i++) {
            System.arraycopy(a[i], 0, x[i], 0, n);
            x[i][i] += lambda;
            System.arraycopy(b[i], 0, x[i], n, m);
        }
        for (int col = 0; col < n; col++) {
            int pivot = col;
            for (int r = col + 1; r < n; r++) {
                if (Math.abs(x[r][col]) > Math.abs(x[pivot][col])) {
                    pivot = r;
                }
            }
            double[] swap = x[col];
            x[col] = x[pivot];
            x[pivot] = swap;
            for (int r = 0; r < n; r++) {
                if (r != col) {
                    double factor = x[r][col] / x[col][col];
                    for (int c = col; c < n + m; c++) {
                        x[r][c] -= factor * x[col][c];
                    }
                }
            }
        }
        double[][] w = new double[n][m];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < m; j++) {
                w[i][j] = x[i][n + j] / x[i][i];
            }
        }
        return w;
    }
}

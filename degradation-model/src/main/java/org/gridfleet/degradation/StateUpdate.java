package org.gridfleet.degradation;

/**
 * BLAST-Lite's state-update functions: one explicit Euler step in "virtual time". The current state
 * {@code y0} is inverted to the equivalent abscissa on the trajectory and the slope is taken there,
 * so a step depends only on the state reached, not on the path. From {@code y0 == 0} the closed
 * form is used. {@code dx} is days for time states and equivalent full cycles for throughput states.
 */
public final class StateUpdate {
    private StateUpdate() {
    }

    /** Increment along {@code y = k·x^p}. */
    public static double power(double y0, double dx, double k, double p) {
        if (dx == 0.0) {
            return 0.0;
        }
        if (y0 == 0.0) {
            return k * Math.pow(dx, p);
        }
        return k * p * Math.pow(y0 / k, (p - 1.0) / p) * dx;
    }

    /** Increment along {@code y = 2·yInf·(1/2 − 1/(1 + exp((k·x)^p)))}. */
    public static double sigmoid(double y0, double dx, double yInf, double k, double p) {
        if (y0 == 0.0) {
            return 2.0 * yInf * (0.5 - 1.0 / (1.0 + Math.exp(Math.pow(k * dx, p))));
        }
        double xInv = (1.0 / k) * Math.pow(Math.log(-2.0 * yInf / (y0 - yInf) - 1.0), 1.0 / p);
        double z = Math.pow(k * xInv, p);
        double ez = Math.exp(z);
        return 2.0 * yInf * p * ez * z / (xInv * (ez + 1.0) * (ez + 1.0)) * dx;
    }
}

#!/usr/bin/env python3
"""Reference values of the normal and Student t tails and quantiles, at 50 digits with mpmath (Debian's
python3-mpmath), for Statistics/DistributionTailTests. Deterministic: run it, commit distributions.tsv."""
import mpmath as mp

mp.mp.dps = 50
DFS = ["1", "1.5", "2", "3", "4", "5", "7", "10", "15", "20", "30", "50", "59", "61", "100", "250", "1000", "100000"]
TAILS = ["0.4", "0.25", "0.1", "0.05", "0.025", "0.01", "1e-3", "1e-4", "1e-5", "1e-6", "5e-7", "1e-7", "1e-8",
         "1e-9", "1e-10", "1e-12", "1e-15"]


def t_tail(t, df):
    """P(T >= t) for t >= 0: I_x(df/2, 1/2) / 2, or 1 - I_(1-x)(1/2, df/2) / 2 where x is near 1 (its series is slow there)."""
    x = df / (df + t * t)
    if x < mp.mpf("0.5"):
        return mp.betainc(df / 2, mp.mpf(1) / 2, 0, x, regularized=True) / 2
    return (1 - mp.betainc(mp.mpf(1) / 2, df / 2, 0, t * t / (df + t * t), regularized=True)) / 2


def t_quantile(q, df):
    """The t >= 0 with P(T >= t) = q, by bisection on ln t."""
    lo, hi = mp.mpf(-40), mp.mpf(80)
    for _ in range(200):
        mid = (lo + hi) / 2
        if t_tail(mp.e ** mid, df) > q:
            lo = mid
        else:
            hi = mid
    return mp.e ** ((lo + hi) / 2)


def normal_quantile(q):
    lo, hi = mp.mpf(0), mp.mpf(40)
    for _ in range(200):
        mid = (lo + hi) / 2
        if mp.erfc(mid / mp.sqrt(2)) / 2 > q:
            lo = mid
        else:
            hi = mid
    return (lo + hi) / 2


with open("distributions.tsv", "w") as out:
    out.write("# distribution\tdf\tupper tail\tquantile (the x with P(X >= x) = upper tail)\n")
    for q in TAILS:
        out.write(f"normal\t-\t{q}\t{mp.nstr(normal_quantile(mp.mpf(q)), 20)}\n")
    for df in DFS:
        for q in TAILS:
            out.write(f"t\t{df}\t{q}\t{mp.nstr(t_quantile(mp.mpf(q), mp.mpf(df)), 20)}\n")

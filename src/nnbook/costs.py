"""Cost functions, each written next to its gradient with respect to ``a^L``.

Arrays hold one example per row. The cost of a batch is the mean of the
per-example costs, so the number does not grow with the batch size.
"""

import numpy as np


def quadratic_cost(A, Y):
    """Return the mean quadratic cost of the outputs ``A`` against targets ``Y``.

    For one example the cost is

    .. math:: C = \\tfrac12 \\lVert y - a^L \\rVert^2
              = \\tfrac12 \\sum_j (y_j - a^L_j)^2,

    and for a batch (one example per row) it is the mean of those costs.
    1-D arrays are treated as a single example. Returns a Python float.

    Chapter 4, equation (4.5).
    """
    A = np.atleast_2d(A)
    Y = np.atleast_2d(Y)
    return float(0.5 * np.sum((Y - A) ** 2) / A.shape[0])


def quadratic_cost_gradient(A, Y):
    """Return the gradient of one example's quadratic cost with respect to ``a^L``.

    .. math:: \\nabla_a C = a^L - y

    The 1/2 in the cost is there to cancel the 2 of the square, which is why
    the result has no factor. The array keeps the shape of ``A``: one row per
    example, each row the gradient of that example's own cost.

    Chapter 4, equation (1.3); chapter 5, equation (BP1).
    """
    return A - Y

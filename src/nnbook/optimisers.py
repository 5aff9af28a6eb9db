"""Optimisers: what to do with a gradient once backpropagation has it (chapter 9).

Plain gradient descent steps against the gradient of the current batch and
forgets it at once. The optimisers here remember: momentum keeps a running
sum of past gradients, RMSprop a running mean of their squares, Adam both.
Each is a small object with one method, ``step(params, grads)``, which
updates a list of parameter arrays in place; whatever it remembers between
steps (its *state*) is kept in arrays shaped like the parameters.

The rules are the ones PyTorch documents for ``torch.optim.SGD``,
``torch.optim.RMSprop`` and ``torch.optim.Adam`` (with their other options
at their defaults), and the argument names follow them, so that a reader
can move to PyTorch without surprises: ``nnbook.Adam(0.001)`` takes the
same steps as ``torch.optim.Adam(params, lr=0.001)``. In every rule ``g``
is the gradient of the cost with respect to the parameter ``theta``, ``eta``
(``learning_rate``) the learning rate and ``t`` the number of the step,
from 1.
"""

import numpy as np

from nnbook._checks import as_fraction, as_nonnegative_float, as_positive_float


class _Optimiser:
    """What the three optimisers share: the checks, weight decay, the state.

    ``weight_decay`` ``lambda`` adds ``lambda theta`` to every gradient before
    the rule uses it, as PyTorch's ``weight_decay`` does: it is the gradient
    of the L2 penalty ``lambda/2 ||theta||^2`` added to the cost (chapter 10,
    (10.1) to (10.3)).
    """

    def __init__(self, learning_rate, weight_decay):
        self.learning_rate = learning_rate
        self.weight_decay = as_nonnegative_float("weight_decay", weight_decay)
        self.t = 0  # the number of steps taken
        self._shapes = None  # the shapes of the parameters, from the first step

    @property
    def learning_rate(self):
        """The learning rate ``eta``; it may be changed between steps."""
        return self._learning_rate

    @learning_rate.setter
    def learning_rate(self, value):
        self._learning_rate = as_nonnegative_float("learning_rate", value)

    def __repr__(self):
        defaults = type(self).__init__.__kwdefaults__
        options = [
            f"{name}={getattr(self, name)!r}"
            for name, default in defaults.items()
            if getattr(self, name) != default
        ]
        arguments = ", ".join([repr(self.learning_rate), *options])
        return f"{type(self).__name__}({arguments})"

    def _state(self):
        """Return zeros shaped like the parameters: a fresh running average."""
        return [np.zeros(shape) for shape in self._shapes]

    def _begin(self, params, grads):
        """Check one step's arguments; return the gradients with weight decay.

        The first step records the shapes of the parameters and makes the
        state; every later step must bring parameters of the same shapes.
        """
        name = type(self).__name__
        if not isinstance(params, list | tuple):
            raise TypeError(
                f"params must be a list of numpy arrays; got {type(params).__name__}"
            )
        for i, theta in enumerate(params):
            if not (isinstance(theta, np.ndarray) and theta.dtype.kind == "f"):
                raise TypeError(
                    f"params[{i}] must be a numpy array of floats, which "
                    f"{name}.step updates in place; got {type(theta).__name__}"
                    + (f" of dtype {theta.dtype}" if hasattr(theta, "dtype") else "")
                )
        shapes = [theta.shape for theta in params]
        if self._shapes is None:
            self._shapes = shapes
            self._begin_state()
        elif shapes != self._shapes:
            raise ValueError(
                f"this {name} was made for {len(self._shapes)} parameter arrays "
                f"of shapes {self._shapes}, on its first step; got "
                f"{len(shapes)} of shapes {shapes}. Its state belongs to other "
                f"parameters: make a new {name} for each network"
            )
        if not isinstance(grads, list | tuple) or len(grads) != len(params):
            count = f" of length {len(grads)}" if hasattr(grads, "__len__") else ""
            raise TypeError(
                f"grads must be a list of {len(params)} arrays, one per "
                f"parameter; got {type(grads).__name__}{count}"
            )
        grads = [np.asarray(g) for g in grads]
        for i, (g, shape) in enumerate(zip(grads, shapes)):
            if g.shape != shape:
                raise ValueError(
                    f"grads[{i}] must have the shape of params[{i}], {shape}; "
                    f"got {g.shape}"
                )
        self.t += 1
        if self.weight_decay:
            grads = [g + self.weight_decay * theta for theta, g in zip(params, grads)]
        return grads

    def _begin_state(self):
        """Make the state, once the shapes are known (none for plain SGD)."""


class SGD(_Optimiser):
    """Stochastic gradient descent, with momentum if ``momentum`` is not 0.

    Without momentum each step is chapter 3's ``theta <- theta - eta g``.
    With momentum ``mu`` (``0 <= mu < 1``), the step follows a running sum
    ``v`` of the gradients, the velocity of a heavy ball rolling downhill:

    .. math::

        v \\leftarrow \\mu v + g, \\qquad \\theta \\leftarrow \\theta - \\eta v,

    with ``v`` starting at 0, so that the first step has ``v = g``. This is
    ``torch.optim.SGD`` with ``dampening=0`` and ``nesterov=False``.
    Chapter 9, equation (9.2).
    """

    def __init__(self, learning_rate, *, momentum=0.0, weight_decay=0.0):
        super().__init__(learning_rate, weight_decay)
        self.momentum = as_fraction("momentum", momentum)
        self.v = None  # the velocity, one array per parameter

    def _begin_state(self):
        if self.momentum:
            self.v = self._state()

    def step(self, params, grads):
        """Update every array of ``params`` in place, with its gradient in ``grads``."""
        grads = self._begin(params, grads)
        for i, (theta, g) in enumerate(zip(params, grads)):
            if self.momentum:
                v = self.v[i]
                v *= self.momentum
                v += g  # v <- mu v + g
                g = v
            theta -= self.learning_rate * g  # theta <- theta - eta v


class RMSprop(_Optimiser):
    """RMSprop: each parameter's step divided by its typical gradient size.

    A running mean ``v`` of the squared gradients (``alpha``, ``0 <= alpha <
    1``, says how slowly it forgets) measures how large each parameter's
    gradients are; the step divides by its square root, so that every
    parameter moves at a similar pace whatever the scale of its slope:

    .. math::

        v \\leftarrow \\alpha v + (1 - \\alpha) g^2, \\qquad
        \\theta \\leftarrow \\theta - \\eta \\frac{g}{\\sqrt{v} + \\epsilon},

    element-wise, with ``v`` starting at 0 and ``eps`` (``epsilon > 0``)
    keeping the division finite. This is ``torch.optim.RMSprop`` with
    ``centered=False`` and ``momentum=0`` (Hinton, 2012). Chapter 9,
    equation (9.7).
    """

    def __init__(self, learning_rate, *, alpha=0.99, eps=1e-8, weight_decay=0.0):
        super().__init__(learning_rate, weight_decay)
        self.alpha = as_fraction("alpha", alpha)
        self.eps = as_positive_float("eps", eps)
        self.v = None  # the running mean of g^2, one array per parameter

    def _begin_state(self):
        self.v = self._state()

    def step(self, params, grads):
        """Update every array of ``params`` in place, with its gradient in ``grads``."""
        grads = self._begin(params, grads)
        for theta, g, v in zip(params, grads, self.v):
            v *= self.alpha
            v += (1 - self.alpha) * g**2  # v <- alpha v + (1 - alpha) g^2
            theta -= self.learning_rate * (g / (np.sqrt(v) + self.eps))


class Adam(_Optimiser):
    """Adam: momentum and RMSprop together, each corrected for its start at 0.

    ``m`` is a running mean of the gradients (the momentum, forgotten at the
    pace ``beta1``), ``v`` one of their squares (as in RMSprop, ``beta2``).
    Both start at 0, so in the first steps they are too small; dividing by
    ``1 - beta^t`` corrects that *bias* exactly for a constant gradient:

    .. math::

        m \\leftarrow \\beta_1 m + (1 - \\beta_1) g, \\qquad
        v \\leftarrow \\beta_2 v + (1 - \\beta_2) g^2,

        \\hat m = \\frac{m}{1 - \\beta_1^t}, \\qquad
        \\hat v = \\frac{v}{1 - \\beta_2^t},

        \\theta \\leftarrow \\theta
        - \\eta \\frac{\\hat m}{\\sqrt{\\hat v} + \\epsilon},

    element-wise, with ``0 <= beta1, beta2 < 1`` and ``eps > 0``. This is
    ``torch.optim.Adam`` with ``amsgrad=False`` (Kingma and Ba, 2015); its
    ``betas=(beta1, beta2)`` are two arguments here. Chapter 9,
    equations (9.8) and (9.9).
    """

    def __init__(
        self, learning_rate, *, beta1=0.9, beta2=0.999, eps=1e-8, weight_decay=0.0
    ):
        super().__init__(learning_rate, weight_decay)
        self.beta1 = as_fraction("beta1", beta1)
        self.beta2 = as_fraction("beta2", beta2)
        self.eps = as_positive_float("eps", eps)
        self.m = None  # the running mean of g, one array per parameter
        self.v = None  # the running mean of g^2

    def _begin_state(self):
        self.m, self.v = self._state(), self._state()

    def step(self, params, grads):
        """Update every array of ``params`` in place, with its gradient in ``grads``."""
        grads = self._begin(params, grads)
        for theta, g, m, v in zip(params, grads, self.m, self.v):
            m *= self.beta1
            m += (1 - self.beta1) * g  # m <- beta1 m + (1 - beta1) g
            v *= self.beta2
            v += (1 - self.beta2) * g**2  # v <- beta2 v + (1 - beta2) g^2
            m_hat = m / (1 - self.beta1**self.t)
            v_hat = v / (1 - self.beta2**self.t)
            theta -= self.learning_rate * (m_hat / (np.sqrt(v_hat) + self.eps))

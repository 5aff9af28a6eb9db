"""Reverse-mode automatic differentiation: backpropagation on any graph.

Chapters 4 to 8 write the backward pass by hand, layer by layer. A
:class:`Tensor` does it for any expression built from a few operations: it
wraps a numpy array, remembers which operation made it and from which
tensors, and :meth:`Tensor.backward` walks that record backwards, applying
the chain rule once per operation (chapter 11).

Each operation is written as two things side by side: its value, computed
with numpy, and its *vector-Jacobian product*, a small function ``backward``
that receives ``g``, the gradient of the final scalar with respect to the
operation's output, and returns the gradient with respect to each input: ``g``
multiplied by the local derivative, whose formula stands in the comment next
to it (``# d(a*b)/da = b``). Everything is vectorised, and numpy's
broadcasting is allowed everywhere: an input that broadcasting stretched (a
bias row added to every row of a batch) receives the gradient summed back to
its own shape.

A small example, the derivative of ``C = sum(w * x)`` with respect to ``w``::

    w = Tensor([1.0, 2.0])
    C = (w * Tensor([3.0, 4.0])).sum()
    C.backward()
    w.grad  # array([3., 4.])
"""

import numbers

import numpy as np

from nnbook._checks import as_numeric_array
from nnbook.activations import log_softmax, sigmoid


class Tensor:
    """A numpy array that records the operations that made it (chapter 11).

    ``Tensor(data)`` accepts a number, a (nested) list of numbers or a numpy
    array of finite real numbers, and keeps a float64 copy of it in
    ``.data``. A tensor made this way is a *leaf*; a tensor made by an
    operation (``a * b``, ``a.exp()``) remembers the tensors it was made from
    and how to send a gradient back to them.

    ``C.backward()``, for a tensor ``C`` holding a single number (a cost),
    gives every tensor that took part in computing ``C`` a ``.grad``: a numpy
    array of the tensor's shape holding ``dC/dt``, entry by entry. Before
    that ``.grad`` is None. Each call adds to ``.grad`` rather than replacing
    it, as in PyTorch, so that a value used in two graphs collects the
    gradient of both; call :meth:`zero_grad` on the parameters before the
    next batch (or build them anew). Every operation builds a new graph, so
    recomputing the cost after a change of ``.data`` is how one takes the
    next step of gradient descent.

    The operations are ``+ - * /`` (with tensors, numbers or arrays on either
    side), unary ``-``, ``**`` with a number, ``@`` (1-D and 2-D operands, as
    numpy's), ``.T``, :meth:`sum`, :meth:`mean`, :meth:`exp`, :meth:`log`,
    :meth:`tanh`, :meth:`sigmoid`, :meth:`relu` and :meth:`log_softmax`.
    Values follow numpy: ``log`` of 0 is ``-inf``, with numpy's warning.
    """

    # numpy hands `array + tensor` (and every other operator) over to Tensor's
    # reflected methods, instead of applying `+` to each entry of the array
    __array_ufunc__ = None

    def __init__(self, data):
        if isinstance(data, Tensor):
            raise TypeError(
                "data must be a number, a list of numbers or a numpy array; "
                "got a Tensor (use it as it is, or Tensor(t.data) for a new "
                "leaf that forgets how t was made)"
            )
        self.data = np.array(as_numeric_array("data", data), dtype=float)
        self.grad = None
        self._parents = ()
        self._backward = None  # g -> one gradient per parent, for operations
        self._op = ""

    @classmethod
    def _result(cls, data, parents, backward, op):
        """Return the tensor made by the operation ``op`` from ``parents``.

        ``backward(g)`` returns the gradient with respect to each parent,
        given the gradient ``g`` with respect to this result. No checks: the
        value comes from numpy, not from the user.
        """
        out = cls.__new__(cls)
        out.data = np.asarray(data, dtype=float)
        out.grad = None
        out._parents = parents
        out._backward = backward
        out._op = op
        return out

    # -- what a tensor is ----------------------------------------------------

    @property
    def shape(self):
        """The shape of ``.data``."""
        return self.data.shape

    @property
    def ndim(self):
        """The number of axes of ``.data``."""
        return self.data.ndim

    def item(self):
        """Return the single number a tensor of size 1 holds, as a float."""
        if self.data.size != 1:
            raise ValueError(
                f"item() needs a tensor holding one number; got shape {self.shape}"
            )
        return float(self.data.reshape(()))

    def __repr__(self):
        op = f", op={self._op!r}" if self._op else ""
        data = np.array2string(self.data, separator=", ", prefix="Tensor(")
        return f"Tensor({data}{op})"

    def zero_grad(self):
        """Forget the gradient that earlier calls of :meth:`backward` added up."""
        self.grad = None

    # -- the backward pass -----------------------------------------------------

    def _topological_order(self):
        """Return every tensor this one depends on, each after its parents.

        A depth-first walk that lists a tensor only once all its parents are
        listed. It keeps its own stack instead of recursing, so a graph
        thousands of operations deep does not reach Python's recursion limit.
        """
        order, seen = [], set()
        stack = [(self, False)]
        while stack:
            t, parents_done = stack.pop()
            if parents_done:
                order.append(t)
            elif id(t) not in seen:
                seen.add(id(t))
                stack.append((t, True))
                stack.extend((p, False) for p in t._parents if id(p) not in seen)
        return order

    def backward(self):
        """Add ``dC/dt`` to ``t.grad`` for every tensor ``t`` that made ``C = self``.

        ``C`` must hold a single number (shape ``()``, ``(1,)``, ``(1, 1)``,
        ...), since a gradient is the derivative of one number. The tensors
        are visited in reverse topological order: a tensor's gradient is
        passed on to its parents only when every tensor that used it has
        contributed its share. That is what gives ``a`` in ``b = a + a`` the
        gradient 2 and not 1 (or 3, as a walk that passes on a gradient before
        it is complete would): the two shares from ``b`` are summed before
        ``a`` passes anything on. Each tensor's gradient is the sum over its
        uses, ``u_bar = sum_v v_bar dv/du``: chapter 11, equation (11.3).
        """
        if self.data.size != 1:
            raise ValueError(
                "backward() starts from a tensor holding one number, such as "
                f"a cost; got shape {self.shape} (take .sum() or .mean() "
                "first)"
            )
        order = self._topological_order()
        grads = {id(self): np.ones_like(self.data)}  # dC/dC = 1
        for t in reversed(order):
            g = grads.pop(id(t))  # complete: every user of t came before it
            t.grad = g if t.grad is None else t.grad + g
            if t._backward is None:
                continue  # a leaf
            for parent, g_parent in zip(t._parents, t._backward(g)):
                g_parent = _unbroadcast(g_parent, parent.shape)
                if id(parent) in grads:
                    grads[id(parent)] = grads[id(parent)] + g_parent
                else:
                    grads[id(parent)] = np.array(g_parent)  # a copy of its own

    # -- arithmetic ------------------------------------------------------------

    def __add__(self, other):
        other = _as_tensor(other, "+")
        data = _broadcast(self, other, "+", np.add)

        def backward(g):
            return (
                g,  # d(a+b)/da = 1
                g,  # d(a+b)/db = 1
            )

        return Tensor._result(data, (self, other), backward, "+")

    def __sub__(self, other):
        other = _as_tensor(other, "-")
        data = _broadcast(self, other, "-", np.subtract)

        def backward(g):
            return (
                g,  # d(a-b)/da = 1
                -g,  # d(a-b)/db = -1
            )

        return Tensor._result(data, (self, other), backward, "-")

    def __mul__(self, other):
        other = _as_tensor(other, "*")
        a, b = self.data, other.data
        data = _broadcast(self, other, "*", np.multiply)

        def backward(g):
            return (
                g * b,  # d(a*b)/da = b
                g * a,  # d(a*b)/db = a
            )

        return Tensor._result(data, (self, other), backward, "*")

    def __truediv__(self, other):
        other = _as_tensor(other, "/")
        a, b = self.data, other.data
        data = _broadcast(self, other, "/", np.divide)

        def backward(g):
            return (
                g / b,  # d(a/b)/da = 1/b
                -g * a / b**2,  # d(a/b)/db = -a/b^2
            )

        return Tensor._result(data, (self, other), backward, "/")

    def __neg__(self):
        def backward(g):
            return (-g,)  # d(-a)/da = -1

        return Tensor._result(-self.data, (self,), backward, "neg")

    def __pos__(self):
        return self

    def __pow__(self, p):
        if isinstance(p, Tensor | bool) or not isinstance(p, numbers.Real):
            raise TypeError(
                "the exponent of t ** p must be a number, such as 2 or 0.5; "
                f"got {_describe(p)} (for a tensor exponent write "
                "(p * t.log()).exp())"
            )
        p = float(p)
        if not np.isfinite(p):
            raise ValueError(f"the exponent of t ** p must be finite; got {p}")
        a = self.data

        def backward(g):
            return (g * p * a ** (p - 1),)  # d(a^p)/da = p a^(p-1)

        return Tensor._result(a**p, (self,), backward, f"**{p:g}")

    # a number or an array on the left: `2 * t`, `1 - t`, `x @ W`
    def __radd__(self, other):
        return _as_tensor(other, "+") + self

    def __rsub__(self, other):
        return _as_tensor(other, "-") - self

    def __rmul__(self, other):
        return _as_tensor(other, "*") * self

    def __rtruediv__(self, other):
        return _as_tensor(other, "/") / self

    def __rmatmul__(self, other):
        return _as_tensor(other, "@") @ self

    def __rpow__(self, base):
        raise TypeError(
            f"{_describe(base)} ** Tensor is not supported: the exponent must "
            "be a number; for b ** t write (t * log(b)).exp()"
        )

    # -- linear algebra ----------------------------------------------------------

    def __matmul__(self, other):
        """Return the matrix product ``A @ B`` (1-D and 2-D operands, as numpy).

        Its backward pass gives ``A_bar = P_bar B^T`` and ``B_bar = A^T P_bar``
        for ``P = A B``: chapter 11, equation (11.6).
        """
        other = _as_tensor(other, "@")
        _check_matmul(self.shape, other.shape)
        a, b = self.data, other.data
        # a 1-D operand is a row (on the left) or a column (on the right), as
        # in numpy; the backward pass works with both as matrices
        a2 = a.reshape(1, -1) if a.ndim == 1 else a
        b2 = b.reshape(-1, 1) if b.ndim == 1 else b

        def backward(g):
            g2 = np.reshape(g, (a2.shape[0], b2.shape[1]))
            return (
                (g2 @ b2.T).reshape(a.shape),  # d(AB)/dA: G B^T, (11.6)
                (a2.T @ g2).reshape(b.shape),  # d(AB)/dB: A^T G
            )

        return Tensor._result(a @ b, (self, other), backward, "@")

    @property
    def T(self):
        """The transpose: the axes in reverse order, as numpy's ``.T``."""

        def backward(g):
            return (g.T,)  # the gradient of a transpose is the transposed gradient

        return Tensor._result(self.data.T, (self,), backward, "T")

    # -- reductions ----------------------------------------------------------------

    def sum(self, axis=None, keepdims=False):
        """Return the sum of the entries, of all of them or along ``axis``.

        Every entry contributes with slope 1, so the backward pass copies the
        output's gradient back onto every entry that was summed.
        """
        axis = _check_axis(axis, self.ndim)
        shape = self.shape

        def backward(g):
            if axis is not None and not keepdims:
                g = np.expand_dims(g, axis)  # put back the summed axes
            return (np.broadcast_to(g, shape),)  # d(sum_i a_i)/da_j = 1

        data = self.data.sum(axis=axis, keepdims=keepdims)
        return Tensor._result(data, (self,), backward, "sum")

    def mean(self, axis=None, keepdims=False):
        """Return the mean of the entries, of all of them or along ``axis``.

        It is the sum divided by the number of entries summed, and is built
        from those two operations, so it needs no backward pass of its own.
        """
        total = self.sum(axis=axis, keepdims=keepdims)
        count = self.data.size // max(total.data.size, 1)
        if count == 0:
            raise ValueError(f"mean() of an empty tensor of shape {self.shape}")
        return total / count

    # -- element-wise functions ------------------------------------------------------

    def exp(self):
        """Return ``e^a`` element-wise; its derivative is itself."""
        e = np.exp(self.data)

        def backward(g):
            return (g * e,)  # d(e^a)/da = e^a

        return Tensor._result(e, (self,), backward, "exp")

    def log(self):
        """Return the natural logarithm element-wise; its derivative is ``1/a``."""
        a = self.data

        def backward(g):
            return (g / a,)  # d(log a)/da = 1/a

        return Tensor._result(np.log(a), (self,), backward, "log")

    def tanh(self):
        """Return ``tanh a`` element-wise (chapter 4, exercise 4.3)."""
        t = np.tanh(self.data)

        def backward(g):
            return (g * (1 - t**2),)  # d(tanh a)/da = 1 - tanh^2 a

        return Tensor._result(t, (self,), backward, "tanh")

    def sigmoid(self):
        """Return the sigmoid element-wise, as :func:`nnbook.sigmoid` (chapter 4)."""
        s = np.asarray(sigmoid(self.data))

        def backward(g):
            return (g * s * (1 - s),)  # d(sigma(z))/dz = sigma(z) (1 - sigma(z))

        return Tensor._result(s, (self,), backward, "sigmoid")

    def relu(self):
        """Return ``max(0, a)`` element-wise (chapter 8); its slope at 0 is 0."""
        a = self.data

        def backward(g):
            return (g * (a > 0),)  # d(relu a)/da = 1 if a > 0, else 0

        return Tensor._result(np.maximum(a, 0.0), (self,), backward, "relu")

    def log_softmax(self):
        """Return the logarithm of the softmax along the last axis, row by row.

        The value comes from :func:`nnbook.log_softmax` (chapter 7), the
        log-sum-exp form, which is stable for logits of any size. Each row's
        output is ``y_j = z_j - log sum_k e^{z_k}``, so ``dy_j/dz_i =
        delta_ij - p_i`` with ``p = softmax(z) = e^y``, and the gradient of a
        row is ``g - p * sum_j g_j``: chapter 11, equation (11.8).
        """
        if self.ndim == 0 or self.shape[-1] == 0:
            raise ValueError(
                "log_softmax() needs at least one entry along the last axis "
                f"(the outputs of one example); got shape {self.shape}"
            )
        y = log_softmax(self.data)
        p = np.exp(y)  # softmax(z)

        def backward(g):
            # dy_j/dz_i = delta_ij - p_i
            return (g - p * g.sum(axis=-1, keepdims=True),)

        return Tensor._result(y, (self,), backward, "log_softmax")


# -- helpers ---------------------------------------------------------------------


def _describe(value):
    """Return a short description of ``value`` for an error message."""
    text = repr(value)
    if len(text) > 40:
        text = text[:37] + "..."
    name = type(value).__name__
    return text if text.startswith(name) else f"{name} {text}"


def _as_tensor(value, op):
    """Return ``value`` as a Tensor, the other operand of ``op``, or raise."""
    if isinstance(value, Tensor):
        return value
    if isinstance(value, numbers.Number | np.ndarray | list | tuple):
        try:
            return Tensor(value)
        except (TypeError, ValueError) as error:
            raise type(error)(
                f"the operand of {op} must be a Tensor, a number or an array "
                f"of numbers; {error}"
            ) from None
    raise TypeError(
        f"the operand of {op} must be a Tensor, a number or an array of "
        f"numbers; got {_describe(value)}"
    )


def _broadcast(a, b, op, function):
    """Return ``function(a.data, b.data)``, or raise if the shapes do not fit."""
    try:
        np.broadcast_shapes(a.shape, b.shape)
    except ValueError:
        raise ValueError(
            f"the operands of {op} must have shapes that broadcast together "
            f"(equal, or 1, in each axis counted from the end); got {a.shape} "
            f"and {b.shape}"
        ) from None
    return function(a.data, b.data)


def _check_matmul(a, b):
    """Raise ValueError unless shapes ``a`` and ``b`` can be multiplied by ``@``."""
    for name, shape in (("left", a), ("right", b)):
        if len(shape) not in (1, 2):
            raise ValueError(
                f"the {name} operand of @ must be a vector (1-D) or a matrix "
                f"(2-D); got shape {shape}"
            )
    if a[-1] != b[0]:
        raise ValueError(
            "the operands of @ must agree in their inner dimension (the last "
            f"of the left, the first of the right); got shapes {a} and {b}"
        )


def _check_axis(axis, ndim):
    """Return ``axis`` (None, an int or a tuple of ints) checked against ``ndim``."""
    if axis is None:
        return None
    axes = axis if isinstance(axis, tuple) else (axis,)
    for ax in axes:
        if isinstance(ax, bool) or not isinstance(ax, numbers.Integral):
            raise TypeError(
                f"axis must be None, an integer or a tuple of integers; got "
                f"{_describe(axis)}"
            )
        if not -ndim <= ax < ndim:
            raise ValueError(f"axis {ax} is out of range for a tensor with {ndim} axes")
    normal = tuple(int(ax) % ndim for ax in axes)
    if len(set(normal)) != len(normal):
        raise ValueError(f"axis {axis} names the same axis twice")
    return normal


def _unbroadcast(g, shape):
    """Return the gradient ``g`` summed back to the operand's ``shape``.

    Broadcasting copies an operand along the axes it lacks (in front) and
    along its axes of length 1. Each copy is used once, so its gradient is
    the sum of the gradients of all the copies: for a bias row added to
    every row of a batch, the column sums, chapter 11, equation (11.7).
    """
    g = np.asarray(g, dtype=float)
    if g.shape == shape:
        return g
    g = g.sum(axis=tuple(range(g.ndim - len(shape))))  # axes added in front
    stretched = tuple(i for i, n in enumerate(shape) if n == 1 and g.shape[i] != 1)
    return g.sum(axis=stretched, keepdims=True).reshape(shape)

"""The real runs behind chapter 7's figure of the learning slowdown.

Chapter 7 repeats both in code blocks, with the same numbers:

- one sigmoid neuron with input 1 and target 0, started saturated and wrong
  (weight 3, bias 2, so its output is sigma(5) = 0.993), trained by gradient
  descent with the quadratic cost and with the cross-entropy;
- chapter 6's 64-30-10 digits network with its output weights multiplied by
  15, so that most output neurons start saturated, trained with sigmoid
  outputs and the quadratic cost, sigmoid outputs and the binary
  cross-entropy, and a softmax with the cross-entropy.
"""

import functools

import numpy as np

import nnbook

NEURON_WEIGHT, NEURON_BIAS = 3.0, 2.0
NEURON_LEARNING_RATE = 0.5
NEURON_STEPS = 300

DIGITS_SIZES = [64, 30, 10]
SATURATION = 15  # the factor on the output weights
DIGITS_LEARNING_RATE = 0.5
DIGITS_EPOCHS = 30
BATCH_SIZE = 10
SEED = 0  # the initial weights, the shuffling and the split

# label: the options of nnbook.Network
DIGITS_RUNS = {
    "sigmoid, quadratic cost": {},
    "sigmoid, cross-entropy": {"cost": "cross_entropy"},
    "softmax, cross-entropy": {"output": "softmax", "cost": "cross_entropy"},
}


@functools.cache
def saturated_neuron():
    """Return ``{cost: outputs}``, the neuron's output before and after each step."""
    x, y = np.array([1.0]), np.array([0.0])
    runs = {}
    for cost in ("quadratic", "cross_entropy"):
        neuron = nnbook.Network([1, 1], cost=cost)
        neuron.weights[0][...], neuron.biases[0][...] = NEURON_WEIGHT, NEURON_BIAS
        outputs = [neuron.forward(x)[0]]
        for _ in range(NEURON_STEPS):
            neuron.train(
                [x], [y], epochs=1, learning_rate=NEURON_LEARNING_RATE, batch_size=1
            )
            outputs.append(neuron.forward(x)[0])
        runs[cost] = np.array(outputs)
    return runs


@functools.cache
def saturated_digits():
    """Return ``{label: test accuracies}``, in %, after each epoch of each run."""
    data = nnbook.load_digits(test_size=0.25, seed=SEED)
    runs = {}
    for label, options in DIGITS_RUNS.items():
        net = nnbook.Network(DIGITS_SIZES, seed=SEED, **options)
        net.weights[1] *= SATURATION
        history = net.train(
            data.X_train,
            data.Y_train,
            epochs=DIGITS_EPOCHS,
            learning_rate=DIGITS_LEARNING_RATE,
            batch_size=BATCH_SIZE,
            seed=SEED,
            validation=(data.X_test, data.labels_test),
        )
        runs[label] = 100 * np.array(history.validation_accuracy)
    return runs

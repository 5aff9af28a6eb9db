# %% [markdown]
# # Lab: nudge a weight of Mazur's network
#
# Chapter 4 derives the gradient of the cost with respect to every weight and
# checks it by nudging the weight a little. This lab hands you the controls.
# Pick any weight of the 2-2-2 network of Matt Mazur's worked example, nudge it
# by smaller and smaller amounts, and watch the ratio of the change in the cost
# to the nudge, $\Delta C / \Delta w$, settle on the derivative that
# backpropagation computes.
#
# Things to try: another weight (the hidden weight `layer, j, k = 1, 0, 0` is
# Mazur's $w_1$); nudges down to `1e-12`, where rounding errors take over;
# one-sided instead of central differences.

# %%
import matplotlib.pyplot as plt
import numpy as np

import nnbook

net = nnbook.Network([2, 2, 2])
net.weights[0][...] = [[0.15, 0.20], [0.25, 0.30]]
net.weights[1][...] = [[0.40, 0.45], [0.50, 0.55]]
net.biases[0][...] = 0.35
net.biases[1][...] = 0.60
x, y = np.array([0.05, 0.10]), np.array([0.01, 0.99])
grad_weights, _ = net.backprop(x, y)

# %% [markdown]
# Choose the weight $w^l_{jk}$ to nudge, from neuron $k$ of layer
# $l - 1$ to neuron $j$ of layer $l$ (counting neurons from 0), and the
# nudges.

# %%
layer, j, k = 2, 0, 0  # Mazur's w5: from the first hidden to the first output
nudges = np.logspace(0, -7, 29)

W = net.weights[layer - 1]
C = net.cost(x, y)
ratios = []
for dw in nudges:
    W[j, k] += dw
    ratios.append((net.cost(x, y) - C) / dw)  # one-sided: try central too
    W[j, k] -= dw
backprop = grad_weights[layer - 1][j, k]
print(f"backpropagation: dC/dw = {backprop:.9f}")
print(f"smallest nudge:  dC/dw ~ {ratios[-1]:.9f}")

# %%
fig, ax = plt.subplots(figsize=(7, 4))
ax.semilogx(nudges, ratios, "o", label=r"measured $\Delta C / \Delta w$")
ax.axhline(backprop, color="C1", label=r"backprop $\partial C / \partial w$")
ax.invert_xaxis()
ax.set_xlabel(r"nudge $\Delta w$")
ax.set_ylabel("slope")
ax.legend()
plt.show()

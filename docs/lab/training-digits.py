# %% [markdown]
# # Lab: train the digits network yourself
#
# Chapter 6 trains a 64-30-10 sigmoid network on the 8 by 8 handwritten
# digits that ship with scikit-learn and reaches 96.9% test accuracy with
# one particular set of choices. This lab hands those choices to you: the
# width of the hidden layer, the learning rate $\eta$, the size of the
# batches, the number of epochs and the seeds. Change them, rerun, and watch
# what happens to the two curves and to the mistakes.
#
# Things to try: a learning rate of 0.1 or of 40; a hidden layer of 5 or of
# 100 neurons; batches of 1 or of the whole training set; another `seed` for
# the split, to see how much the accuracy owes to luck.

# %%
import matplotlib.pyplot as plt
import numpy as np

import nnbook

hidden = 30  # neurons in the hidden layer
eta = 4.0  # the learning rate
batch_size = 10
epochs = 50
seed = 0  # for the split, the starting weights and the shuffling

data = nnbook.load_digits(test_size=0.25, seed=seed)
net = nnbook.Network([64, hidden, 10], seed=seed)
history = net.train(
    data.X_train,
    data.Y_train,
    epochs=epochs,
    learning_rate=eta,
    batch_size=batch_size,
    seed=seed,
    validation=(data.X_test, data.labels_test),
)
accuracy = net.accuracy(data.X_test, data.labels_test)
print(f"test accuracy after {epochs} epochs: {accuracy:.1%}")

# %% [markdown]
# The accuracy after every epoch, on the images the network learns from and
# on the test images it never sees. A widening gap between the two is
# overfitting.

# %%
fig, ax = plt.subplots(figsize=(7, 4))
epoch = np.arange(1, epochs + 1)
ax.plot(epoch, history.accuracy, label="training images")
ax.plot(epoch, history.validation_accuracy, label="test images")
ax.set_xlabel("epoch")
ax.set_ylabel("accuracy")
ax.set_ylim(0.8, 1.0)
ax.legend()
plt.show()

# %% [markdown]
# The first test images the network gets wrong, each with the digit it read
# and, in brackets, the right one.

# %%
predicted = net.predict(data.X_test)
wrong = np.flatnonzero(predicted != data.labels_test)[:8]
fig, axes = plt.subplots(1, max(len(wrong), 1), figsize=(8, 1.6))
for ax, i in zip(np.atleast_1d(axes), wrong):
    ax.imshow(data.X_test[i].reshape(8, 8), cmap="gray_r")
    ax.set_title(f"{predicted[i]} ({data.labels_test[i]})")
for ax in np.atleast_1d(axes):
    ax.axis("off")
plt.show()

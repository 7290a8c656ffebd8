"""PyTorch reference for tools/bench/train.js: the same two autoencoders, data and optimiser settings.

Usage: python3 train_torch.py DATA_FILE N_SAMPLES EPOCHS THREADS
DATA_FILE contains N_SAMPLES·32·32 float32 values (±1, row-major). Prints one JSON object with the rates of both models.
"""
import json
import sys
import time

import numpy as np
import torch
from torch import nn

BATCH_SIZE = 64
LEARNING_RATE = 1e-3


def conv_model() -> nn.Module:
    # Padding 1 keeps the sizes of TensorFlow's 'same' padding (32 → 16 → 8 → 16 → 32) at the same cost.
    return nn.Sequential(
        nn.Conv2d(1, 16, 3, stride=2, padding=1), nn.ReLU(),
        nn.Conv2d(16, 32, 3, stride=2, padding=1), nn.ReLU(),
        nn.ConvTranspose2d(32, 16, 3, stride=2, padding=1, output_padding=1), nn.ReLU(),
        nn.ConvTranspose2d(16, 1, 3, stride=2, padding=1, output_padding=1), nn.Tanh(),
    )


def dense_model() -> nn.Module:
    return nn.Sequential(
        nn.Flatten(),
        nn.Linear(1024, 256), nn.ReLU(),
        nn.Linear(256, 64), nn.ReLU(),
        nn.Linear(64, 256), nn.ReLU(),
        nn.Linear(256, 1024), nn.Tanh(),
        nn.Unflatten(1, (1, 32, 32)),
    )


def train_epoch(model, optimizer, data, generator):
    loss_function = nn.MSELoss()
    order = torch.randperm(data.shape[0], generator=generator)
    for start in range(0, data.shape[0], BATCH_SIZE):
        batch = data[order[start:start + BATCH_SIZE]]
        optimizer.zero_grad()
        loss = loss_function(model(batch), batch)
        loss.backward()
        optimizer.step()


def rates(name, model, data, epochs):
    """Best training and prediction rates (samples per CPU second) over `epochs` timed passes after one warm-up pass."""
    optimizer = torch.optim.Adam(model.parameters(), lr=LEARNING_RATE)
    generator = torch.Generator().manual_seed(1)
    train_epoch(model, optimizer, data, generator)
    fit = []
    for _ in range(epochs):
        start = time.process_time()
        train_epoch(model, optimizer, data, generator)
        fit.append(data.shape[0] / (time.process_time() - start))

    predict = []
    with torch.no_grad():
        for _ in range(epochs + 1):
            start = time.process_time()
            for first in range(0, data.shape[0], BATCH_SIZE):
                model(data[first:first + BATCH_SIZE])
            predict.append(data.shape[0] / (time.process_time() - start))
    return {"model": name, "fit": max(fit), "predict": max(predict[1:])}


def main():
    path, n_samples, epochs, threads = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4])
    torch.manual_seed(1)
    torch.set_num_threads(threads)
    values = np.fromfile(path, dtype=np.float32).reshape(n_samples, 1, 32, 32)
    data = torch.from_numpy(values)
    results = [rates("conv", conv_model(), data, epochs), rates("dense", dense_model(), data, epochs)]
    print(json.dumps({"torch": torch.__version__, "threads": torch.get_num_threads(), "results": results}))


if __name__ == "__main__":
    main()

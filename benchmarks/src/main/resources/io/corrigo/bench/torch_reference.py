"""The Python PyTorch reference of Corrigo's benchmark suite: the same work as the JMH benchmarks in
io.corrigo.bench, written the way a PyTorch user would write it, timed call by call.

Usage: /usr/bin/python3 torch_reference.py OUT.json WARMUP_SECONDS MEASURE_SECONDS [KEY|KEY|...]
Writes a JSON list of {"key", "p50", "p99", "mean", "n"} (microseconds per call). One intra-op thread.
"""
import copy
import json
import math
import sys
import time

import numpy as np
import torch
from torch import nn
from torch.nn import functional as F

torch.set_num_threads(1)
torch.set_num_interop_threads(1)
torch.manual_seed(1)

OBS, ACT = 10, 2


def mlp():
    return nn.Sequential(nn.Linear(OBS, 256), nn.ReLU(), nn.Linear(256, 256), nn.ReLU(), nn.Linear(256, ACT), nn.Tanh())


def energy_net(layers, width):
    parts, size = [], OBS + ACT
    for _ in range(layers):
        parts += [nn.Linear(size, width), nn.ReLU(), nn.LayerNorm(width, eps=1e-5)]
        size = width
    out = nn.Linear(size, 1)
    nn.init.zeros_(out.weight)
    nn.init.zeros_(out.bias)
    return nn.Sequential(*parts, out)


def train_step(batch):
    net = mlp()
    opt = torch.optim.Adam(net.parameters(), lr=3e-4)
    x_np = np.random.uniform(-1, 1, (batch, OBS)).astype(np.float32)
    y_np = np.random.uniform(-1, 1, (batch, ACT)).astype(np.float32)

    def step():
        x, y = torch.from_numpy(x_np), torch.from_numpy(y_np)
        loss = 0.5 * (net(x) - y).square().mean()
        opt.zero_grad(set_to_none=True)
        loss.backward()
        opt.step()
    return step


def predict_one():
    net = mlp()
    obs = np.random.uniform(-1, 1, OBS).astype(np.float32)

    def act():
        with torch.no_grad():
            return net(torch.from_numpy(obs).unsqueeze(0)).numpy()[0]
    return act


def rows_of(obs, actions):
    return torch.cat([obs.expand(actions.shape[0], OBS), actions], dim=1)


def sample(net, obs, actions, temperature):
    with torch.no_grad():
        logits = net(rows_of(obs, actions)).squeeze(1)
    chosen = torch.multinomial(torch.softmax(logits / temperature, dim=0), 1)
    return actions[chosen[0]].numpy()


def act_dfo(net_shape, samples, rounds=3, temperature=0.1):
    layers, width = (int(v) for v in net_shape.split("x"))
    net = energy_net(layers, width)
    obs = torch.from_numpy(np.random.uniform(-1, 1, (1, OBS)).astype(np.float32))

    def act():
        actions = torch.rand(samples, ACT) * 2 - 1
        sigma = 0.33
        with torch.no_grad():
            for _ in range(rounds):
                logits = net(rows_of(obs, actions)).squeeze(1)
                drawn = torch.multinomial(torch.softmax(logits / temperature, dim=0), samples, replacement=True)
                actions = (actions[drawn] + sigma * torch.randn(samples, ACT)).clamp(-1, 1)
                sigma *= 0.5
        return sample(net, obs, actions, temperature)
    return act


def step_sizes(steps, first=0.1, last=1e-5):
    return [(first - last) * (1 - k / (steps - 1)) ** 2 + last for k in range(steps)]


def act_langevin(net_shape, chains=512, passes=2, steps=25, temperature=0.1):
    layers, width = (int(v) for v in net_shape.split("x"))
    net = energy_net(layers, width)
    for p in net.parameters():
        p.requires_grad_(False)
    obs = torch.from_numpy(np.random.uniform(-1, 1, (1, OBS)).astype(np.float32))
    etas = step_sizes(steps)

    def act():
        actions = torch.rand(chains, ACT) * 2 - 1
        for _ in range(passes):
            for eta in etas:
                actions.requires_grad_(True)
                q = net(rows_of(obs, actions))
                g, = torch.autograd.grad(q.sum(), actions)
                with torch.no_grad():
                    delta = (eta * (0.5 * g + torch.randn(chains, ACT))).clamp(-0.1, 0.1)
                    actions = (actions + delta).clamp(-1, 1)
        return sample(net, obs, actions.detach(), temperature)
    return act


def update(loss_kind, states=32, candidates=64, temperature=1.0):
    net = energy_net(3, 128)
    opt = torch.optim.Adam(net.parameters(), lr=3e-4)
    obs = torch.from_numpy(np.random.uniform(-1, 1, (1, states, OBS)).astype(np.float32))
    label = torch.tensor([0.25, -0.5])
    target = torch.zeros(states, candidates)
    target[:, 0] = 1
    penalised = loss_kind == "penalty"

    def step():
        actions = torch.rand(candidates, states, ACT) * 2 - 1
        actions[0] = label
        actions.requires_grad_(penalised)
        rows = torch.cat([obs.expand(candidates, states, OBS), actions], dim=2).reshape(-1, OBS + ACT)
        q = net(rows)
        loss = -(target * torch.log_softmax(q.view(candidates, states).t() / temperature, dim=1)).sum(1).mean()
        if penalised:
            g, = torch.autograd.grad(q.sum(), actions, create_graph=True)
            penalty = torch.relu(g.abs().amax(dim=2) - 1).square().mean()
            loss = loss + penalty
        opt.zero_grad(set_to_none=True)
        loss.backward()
        nn.utils.clip_grad_norm_(net.parameters(), 1.0)
        opt.step()
        return loss.item()
    return step


class FilmDenoiser(nn.Module):
    """Corrigo's CPU denoiser (baselines.md 3.7): FiLM residual blocks conditioned on [step features, observations]."""

    def __init__(self, chunk=32, obs=4, emb=64, width=256, blocks=3):
        super().__init__()
        self.step0, self.step1 = nn.Linear(emb, 4 * emb), nn.Linear(4 * emb, emb)
        self.inp = nn.Linear(chunk, width)
        self.norms = nn.ModuleList(nn.LayerNorm(width) for _ in range(blocks))
        self.first = nn.ModuleList(nn.Linear(width, width) for _ in range(blocks))
        self.film = nn.ModuleList(nn.Linear(emb + obs, 2 * width) for _ in range(blocks))
        self.second = nn.ModuleList(nn.Linear(width, width) for _ in range(blocks))
        self.out_norm, self.out = nn.LayerNorm(width), nn.Linear(width, chunk)

    def forward(self, noisy, step_embedding, obs):
        cond = F.mish(torch.cat([self.step1(F.mish(self.step0(step_embedding))), obs], 1))
        h = self.inp(noisy)
        for norm, first, film, second in zip(self.norms, self.first, self.film, self.second):
            scale, bias = film(cond).chunk(2, dim=1)
            h = h + second(F.mish(scale * first(norm(h)) + bias))
        return self.out(F.mish(self.out_norm(h)))


def diffusion_update(batch=256, windows=2000, chunk=32, obs=4, emb=64, steps=100):
    model = FilmDenoiser(chunk, obs, emb)
    ema = copy.deepcopy(model).requires_grad_(False)
    opt = torch.optim.AdamW(model.parameters(), lr=1e-4, betas=(0.95, 0.999), eps=1e-8, weight_decay=1e-6)
    schedule = torch.optim.lr_scheduler.LambdaLR(opt, lambda k: 0.5 * (1 + math.cos(math.pi * min(k, 243_000) / 243_000)))
    t = torch.arange(steps + 1, dtype=torch.float64) / steps
    f = torch.cos((t + 0.008) / 1.008 * math.pi / 2) ** 2
    alpha_bar = (f[1:] / f[0]).clamp(max=0.999).float()
    half = emb // 2
    freqs = torch.exp(torch.arange(half) * -(math.log(10000) / (half - 1)))
    angles = torch.arange(steps).float()[:, None] * freqs[None, :]
    table = torch.cat([angles.sin(), angles.cos()], dim=1)
    data_obs = torch.rand(windows, obs) * 2 - 1
    data_act = torch.rand(windows, chunk) * 2 - 1
    mask = torch.ones(batch, chunk)
    count = [0]

    def update():
        idx = torch.randint(0, windows, (batch,))
        clean, o = data_act[idx], data_obs[idx]
        k = torch.randint(0, steps, (batch,))
        noise = torch.randn(batch, chunk)
        a = alpha_bar[k][:, None]
        noisy = a.sqrt() * clean + (1 - a).sqrt() * noise
        loss = ((model(noisy, table[k], o) - noise).square() * mask).sum() / mask.sum()
        opt.zero_grad(set_to_none=True)
        loss.backward()
        opt.step()
        schedule.step()
        m = max(0, count[0] - 1)
        decay = 0.0 if m == 0 else min(max(1 - (1 + m) ** -0.75, 0.0), 0.9999)
        count[0] += 1
        with torch.no_grad():
            for e, p in zip(ema.parameters(), model.parameters()):
                e.mul_(decay).add_(p, alpha=1 - decay)
        return loss.item()
    return update


class CriticEnsemble(nn.Module):
    """RLPD's critics (Dense -> LayerNorm -> ReLU per hidden layer, Dense(1)) stacked: one batched product per layer."""

    def __init__(self, members, sizes):
        super().__init__()
        self.members = members
        self.weights, self.biases = nn.ParameterList(), nn.ParameterList()
        self.gains, self.shifts = nn.ParameterList(), nn.ParameterList()
        for i, o in zip(sizes[:-1], sizes[1:]):
            bound = 1 / math.sqrt(i)
            self.weights.append(nn.Parameter(torch.empty(members, i, o).uniform_(-bound, bound)))
            self.biases.append(nn.Parameter(torch.empty(members, 1, o).uniform_(-bound, bound)))
            if o != 1:
                self.gains.append(nn.Parameter(torch.ones(members, 1, o)))
                self.shifts.append(nn.Parameter(torch.zeros(members, 1, o)))

    def forward(self, x):
        h = x.unsqueeze(0).expand(self.members, -1, -1)
        for l, (w, b) in enumerate(zip(self.weights, self.biases)):
            h = torch.baddbmm(b, h, w)
            if l < len(self.gains):
                h = torch.relu(F.layer_norm(h, (h.shape[-1],)) * self.gains[l] + self.shifts[l])
        return h.squeeze(2)


def rlif_step(d_obs=8, d_act=2, critics=2, batch=256, start=300, gamma=0.99, tau=0.005):
    actor = nn.Sequential(nn.Linear(d_obs, 256), nn.ReLU(), nn.Linear(256, 256), nn.ReLU(), nn.Linear(256, 2 * d_act))
    critic = CriticEnsemble(critics, [d_obs + d_act, 256, 256, 1])
    target = copy.deepcopy(critic).requires_grad_(False)
    log_alpha = torch.zeros(1, requires_grad=True)
    actor_opt = torch.optim.Adam(actor.parameters(), lr=3e-4)
    critic_opt = torch.optim.Adam(critic.parameters(), lr=3e-4)
    alpha_opt = torch.optim.Adam([log_alpha], lr=3e-4)
    target_entropy = -0.5 * d_act
    capacity = 200_000
    buf = dict(s=torch.zeros(capacity, d_obs), a=torch.zeros(capacity, d_act), r=torch.zeros(capacity),
               s2=torch.zeros(capacity, d_obs), m=torch.ones(capacity))
    state = dict(n=0, obs=np.random.uniform(-1, 1, d_obs).astype(np.float32))

    def policy(s, noise):
        mu, log_std = actor(s).chunk(2, dim=1)
        log_std = log_std.clamp(-20, 2)
        u = mu + log_std.exp() * noise
        log_p = -0.5 * noise.square() - log_std - 0.5 * math.log(2 * math.pi) - 2 * (math.log(2) - u - F.softplus(-2 * u))
        return torch.tanh(u), log_p.sum(1)

    def update():
        idx = torch.randint(0, state["n"], (batch,))
        s, a, r, s2, m = (buf[k][idx] for k in ("s", "a", "r", "s2", "m"))
        with torch.no_grad():
            a2, _ = policy(s2, torch.randn(batch, d_act))
            qs = target(torch.cat([s2, a2], 1))[torch.randperm(critics)[:2]]
            backup = r + gamma * m * qs.min(0).values
        qs = critic(torch.cat([s, a], 1))
        loss = (qs - backup).square().mean()
        critic_opt.zero_grad(set_to_none=True)
        loss.backward()
        loss.item(), qs.mean().item()
        critic_opt.step()
        with torch.no_grad():
            for t, p in zip(target.parameters(), critic.parameters()):
                t.mul_(1 - tau).add_(p, alpha=tau)
        alpha = log_alpha.exp().item()
        action, log_p = policy(s, torch.randn(batch, d_act))
        critic.requires_grad_(False)
        actor_loss = (alpha * log_p - critic(torch.cat([s, action], 1)).mean(0)).mean()
        actor_opt.zero_grad(set_to_none=True)
        actor_loss.backward()
        critic.requires_grad_(True)
        entropy = -log_p.mean().item()
        actor_loss.item()
        actor_opt.step()
        alpha_loss = log_alpha.exp() * (entropy - target_entropy)
        alpha_opt.zero_grad(set_to_none=True)
        alpha_loss.backward()
        alpha_loss.item()
        alpha_opt.step()

    def step():
        obs = torch.from_numpy(state["obs"]).unsqueeze(0)
        with torch.no_grad():
            mu, log_std = actor(obs).chunk(2, dim=1)
            action = torch.tanh(mu + log_std.clamp(-20, 2).exp() * torch.randn(1, d_act))[0]
        following = np.random.uniform(-1, 1, d_obs).astype(np.float32)
        i = state["n"] % capacity
        buf["s"][i] = obs[0]
        buf["a"][i] = action
        buf["r"][i] = -1.0 if np.random.random() < 0.05 else 0.0
        buf["s2"][i] = torch.from_numpy(following)
        state["n"] = min(state["n"] + 1, capacity)
        state["obs"] = following
        if state["n"] >= start:
            update()
    for _ in range(start):
        step()
    return step


def gemm():
    x, w = torch.ones(1024, 256), torch.ones(256, 256)

    def product():
        return x.matmul(w)[0, 0].item()
    return product


def kernel(op):
    """One operation at the RLIF critics' shapes (KernelBench); inputs uniform in [0.1, 1)."""
    u = lambda *shape: torch.rand(*shape) * 0.9 + 0.1
    hidden, weights, inputs, input_weights = u(2, 256, 256), u(2, 256, 256), u(2, 256, 10), u(2, 10, 256)
    output, gradient, bias, rows = u(2, 256, 1), u(2, 256, 1), u(2, 1, 256), u(256, 2)
    unit, zero, hidden_t = torch.ones(256), torch.zeros(256), hidden.transpose(1, 2)
    return {
        "bmm": lambda: torch.bmm(hidden, weights),
        "bmm-k10": lambda: torch.bmm(inputs, input_weights),
        "bmm-n1": lambda: torch.bmm(hidden, output),
        "bmm-n1-grad": lambda: torch.bmm(hidden_t, gradient),
        "add-bias": lambda: hidden + bias,
        "layer-norm": lambda: F.layer_norm(hidden, (256,), unit, zero, 1e-5),
        "relu": lambda: torch.relu(hidden),
        "sum-rows": lambda: rows.sum(1),
    }[op]


ROWS = {
    "MlpBench.trainStep batch=32": lambda: train_step(32),
    "MlpBench.trainStep batch=256": lambda: train_step(256),
    "PredictBench.predictOne": predict_one,
    "EnergyBench.actDfo net=3x256-1024": lambda: act_dfo("3x256", 1024),
    "EnergyBench.actDfo net=3x128-1024": lambda: act_dfo("3x128", 1024),
    "EnergyBench.actDfo net=3x128-256": lambda: act_dfo("3x128", 256),
    "EnergyBench.actLangevin shape=3x128": lambda: act_langevin("3x128"),
    "EnergyBench.update loss=penalty": lambda: update("penalty"),
    "EnergyBench.update loss=plain": lambda: update("plain"),
    "DiffusionBench.update": diffusion_update,
    "RlifBench.step": rlif_step,
    "GemmBench.product": gemm,
    "KernelBench.op op=bmm": lambda: kernel("bmm"),
    "KernelBench.op op=bmm-k10": lambda: kernel("bmm-k10"),
    "KernelBench.op op=bmm-n1": lambda: kernel("bmm-n1"),
    "KernelBench.op op=bmm-n1-grad": lambda: kernel("bmm-n1-grad"),
    "KernelBench.op op=add-bias": lambda: kernel("add-bias"),
    "KernelBench.op op=layer-norm": lambda: kernel("layer-norm"),
    "KernelBench.op op=relu": lambda: kernel("relu"),
    "KernelBench.op op=sum-rows": lambda: kernel("sum-rows"),
}


def measure(fn, warmup, duration):
    end = time.perf_counter() + warmup
    while time.perf_counter() < end:
        fn()
    times = []
    end = time.perf_counter() + duration
    while time.perf_counter() < end:
        start = time.perf_counter_ns()
        fn()
        times.append((time.perf_counter_ns() - start) / 1e3)
    times.sort()
    pick = lambda q: times[min(len(times) - 1, int(q * len(times)))]
    return {"p50": pick(0.5), "p99": pick(0.99), "mean": sum(times) / len(times), "n": len(times)}


def main():
    out, warmup, duration = sys.argv[1], float(sys.argv[2]), float(sys.argv[3])
    keys = set(sys.argv[4].split("|")) if len(sys.argv) > 4 else set(ROWS)
    unknown = keys - set(ROWS)
    if unknown:
        sys.exit("unknown rows: %s; known: %s" % (sorted(unknown), list(ROWS)))
    np.random.seed(1)
    results = []
    for key, make in ROWS.items():
        if key in keys:
            results.append(dict(key=key, **measure(make(), warmup, duration)))
    with open(out, "w") as f:
        json.dump({"torch": torch.__version__, "rows": results}, f)


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""Usage: check_layers.py BUILD_DIR SOURCE_DIR. Which files of src/ reach each other: an arrow A -> B where A's object uses a symbol
B's object defines (calls, tables, variables) or A includes B's header. Prints every loop."""
import os, subprocess, sys, re, collections
build, src = sys.argv[1], sys.argv[2]
objs = {}
for root, _, files in os.walk(build):
    for f in files:
        m = re.search(r'(src/(core|platform|app)/[^/]+\.c)\.o$', os.path.join(root, f).replace('/CMakeFiles/gw_core.dir/','/').replace('/CMakeFiles/gw_platform.dir/','/').replace('/CMakeFiles/gw_app.dir/','/'))
        if m and m.group(1) not in objs: objs[m.group(1)] = os.path.join(root, f)
defs, uses = {}, collections.defaultdict(set)
for name, o in objs.items():
    out = subprocess.run(['nm', o], capture_output=True, text=True).stdout
    for line in out.splitlines():
        p = line.split()
        if len(p) == 3 and p[1] in 'TDRBC': defs[p[2]] = name
        elif len(p) == 2 and p[0] == 'U': uses[name].add(p[1])
edges = collections.defaultdict(dict)
for a, syms in uses.items():
    for s in syms:
        b = defs.get(s)
        if b and b != a: edges[a].setdefault(b, set()).add(s)
for name in objs:
    for inc in re.findall(r'#include "([^"]+)\.h"', open(os.path.join(src, name)).read()):
        for cand in (f'src/{inc}.c', os.path.join(os.path.dirname(name), inc + '.c')):
            if cand in objs and cand != name: edges[name].setdefault(cand, set()).add('#include')
# Tarjan
index, low, st, on, sccs, i = {}, {}, [], set(), [], [0]
sys.setrecursionlimit(10000)
def sc(v):
    index[v] = low[v] = i[0]; i[0] += 1; st.append(v); on.add(v)
    for w in edges.get(v, {}):
        if w not in index: sc(w); low[v] = min(low[v], low[w])
        elif w in on: low[v] = min(low[v], index[w])
    if low[v] == index[v]:
        c = []
        while True:
            w = st.pop(); on.discard(w); c.append(w)
            if w == v: break
        if len(c) > 1: sccs.append(sorted(c))
for v in sorted(objs):
    if v not in index: sc(v)
for c in sccs:
    print(f'loop of {len(c)} files:')
    for a in c:
        for b, s in sorted(edges[a].items()):
            if b in c: print(f'  {a} -> {b}: {", ".join(sorted(s)[:6])}')
print(f'{len(objs)} files, {sum(len(e) for e in edges.values())} arrows, {len(sccs)} loops')
sys.exit(1 if sccs else 0)

#!/usr/bin/env python3
"""Runs a command and reports where the machine's CPU went while it ran.

    tools/suite-cpu.py [--reports DIR] -- COMMAND...

Every second it reads /proc: the machine's busy share, and the CPU time of every process (a test JVM is named by
its Surefire/Failsafe booter jar, Chromium and the rest by their program name). At the end it prints the CPU each
kind of process used during the run (only what it used after the run began) and how busy the machine was. With
--reports (a Failsafe or Surefire reports directory the command writes), it also prints, for each test class, its
time, the CPU its test JVM used meanwhile (the JVM's own threads, not the browsers or JVMs it started) and how busy
the machine was: a class with little CPU on a machine with CPU to spare is waiting, one on a busy machine is
waiting for the CPU. A process that starts and ends between two samples is missed. Linux only; the figures of
BENCHMARKS.md's test-suite section were taken with it.
"""
import collections
import glob
import os
import re
import subprocess
import sys
import threading
import time
import xml.etree.ElementTree as ET

HZ = os.sysconf('SC_CLK_TCK')
BOOTER = re.compile(r'surefirebooter[^/:]*\.jar')


def machine():
    values = list(map(int, open('/proc/stat').readline().split()[1:]))
    return sum(values), values[3] + values[4]


def kind(pid, comm):
    try:
        command = open(f'/proc/{pid}/cmdline').read().split('\0')
    except OSError:
        return comm, None
    booters = [m.group(0) for m in map(BOOTER.search, command) if m]
    if booters:
        return 'test JVM', booters[0]
    if comm == 'java':
        return ('maven' if any('plexus-classworlds' in c for c in command) else 'other java'), None
    return comm, None


def sample(stop, timeline, first, last, kinds):
    while not stop.is_set():
        total, idle = machine()
        forks = {}
        for pid in filter(str.isdigit, os.listdir('/proc')):
            try:
                stat = open(f'/proc/{pid}/stat').read()
            except OSError:
                continue
            end = stat.rfind(')')
            fields = stat[end + 2:].split()
            cpu = (int(fields[11]) + int(fields[12])) / HZ
            comm = stat[stat.find('(') + 1:end]
            if kinds.get(pid, (None, None, None))[2] != comm:  # new, or it has exec'd another program
                kinds[pid] = kind(pid, comm) + (comm,)
            first.setdefault(pid, cpu if len(timeline) == 0 else 0.0)
            last[pid] = cpu
            if kinds[pid][1]:
                forks[kinds[pid][1]] = cpu
        timeline.append((time.time(), total, idle, forks))
        stop.wait(1.0)


def classes(reports, timeline):
    rows = []
    for path in glob.glob(os.path.join(reports, 'TEST-*.xml')):
        suite = ET.parse(path).getroot()
        end, took = os.path.getmtime(path), float(suite.get('time'))
        booter = next((m.group(0) for p in suite.iter('property')
                       for m in [BOOTER.search(p.get('value') or '')] if m), None)
        inside = [t for t in timeline if end - took <= t[0] <= end]
        if booter is None or len(inside) < 2:
            continue
        cpu = inside[-1][3].get(booter, 0) - inside[0][3].get(booter, 0)
        busy = 1 - (inside[-1][2] - inside[0][2]) / max(1, inside[-1][1] - inside[0][1])
        rows.append((took, suite.get('name').split('.')[-1], cpu, busy))
    return sorted(rows, reverse=True)


def main():
    arguments = sys.argv[1:]
    reports = None
    if arguments[:1] == ['--reports']:
        reports, arguments = arguments[1], arguments[2:]
    if arguments[:1] == ['--']:
        arguments = arguments[1:]
    if not arguments:
        sys.exit(__doc__)
    stop, timeline, first, last, kinds = threading.Event(), [], {}, {}, {}
    sampler = threading.Thread(target=sample, args=(stop, timeline, first, last, kinds), daemon=True)
    start = time.time()
    sampler.start()
    code = subprocess.call(arguments)
    stop.set()
    sampler.join()
    used = collections.Counter()
    for pid, cpu in last.items():
        used[kinds[pid][0]] += cpu - first[pid]
    busy = 1 - (timeline[-1][2] - timeline[0][2]) / max(1, timeline[-1][1] - timeline[0][1])
    print(f'\n{time.time() - start:.0f} s, machine busy {100 * busy:.0f} % of {os.cpu_count()} cores; CPU used:')
    for name, cpu in [(n, c) for n, c in used.most_common(12) if c >= 0.1]:
        print(f'{cpu:9.1f} s  {name}')
    if reports:
        print('\nclass time, its test JVM\'s CPU meanwhile, machine busy, class:')
        for took, name, cpu, machine_busy in classes(reports, timeline):
            print(f'{took:7.1f} s {cpu:7.1f} s {100 * machine_busy:4.0f} %  {name}')
    sys.exit(code)


if __name__ == '__main__':
    main()

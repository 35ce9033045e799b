# gdb script (bench/cpuid.sh runs it): counts the CPUID instructions a program executes, per
# object file (the program, the dynamic loader, each library). A breakpoint sits on every CPUID
# instruction of each object as it is mapped; hits are counted and the program runs on.
import re
import subprocess

import gdb

counts = {}
armed = set()


def cpuid_offsets(path):
    listing = subprocess.run(
        ["objdump", "-d", "--no-show-raw-insn", path], capture_output=True, text=True
    ).stdout
    return [int(m.group(1), 16) for m in re.finditer(r"^\s*([0-9a-f]+):\s+cpuid\b", listing, re.M)]


def mapped_objects():
    """Each mapped file and the address its offset 0 is mapped at."""
    bases = {}
    for line in gdb.execute("info proc mappings", to_string=True).splitlines():
        fields = line.split()
        if len(fields) >= 6 and fields[-1].startswith("/") and fields[3] == "0x0":
            bases.setdefault(fields[-1], int(fields[0], 16))
    return bases


class Counter(gdb.Breakpoint):
    def stop(self):
        counts[self.object] = counts.get(self.object, 0) + 1
        return False


def arm():
    for path, base in mapped_objects().items():
        if path in armed:
            continue
        armed.add(path)
        for offset in cpuid_offsets(path):
            bp = Counter("*%#x" % (base + offset), internal=True)
            bp.object = path.rsplit("/", 1)[-1]


gdb.execute("set pagination off")
gdb.execute("set confirm off")
gdb.execute("starti")
arm()
# Stop at each library load to arm the new objects, until the program exits.
gdb.execute("set stop-on-solib-events 1")
while True:
    try:
        gdb.execute("continue", to_string=True)
    except gdb.error:
        break
    if not gdb.selected_inferior().pid:
        break
    arm()
total = sum(counts.values())
for name, n in sorted(counts.items(), key=lambda kv: -kv[1]):
    print("cpuid %6d  %s" % (n, name))
print("cpuid %6d  total" % total)

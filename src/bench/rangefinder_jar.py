"""Runs `java -jar target/rangefinder.jar ...` for the bench scripts, failing with one clear message."""
import shutil
import subprocess
import sys
from pathlib import Path

DEFAULT_JAR = Path(__file__).resolve().parents[2] / "target" / "rangefinder.jar"


def run_jar(jar: Path, args: list, caller: str) -> str:
    """The standard output of `java -jar JAR ARGS`; exits naming the problem if the jar or java is missing or
    the command fails."""
    if not jar.is_file():
        sys.exit(f"{caller}: {jar}: jar not found; build it with `mvn -B -o package -DskipTests` in the "
                 "repository root, or pass --jar PATH")
    if shutil.which("java") is None:
        sys.exit(f"{caller}: no `java` on PATH; Rangefinder needs Java 17 or newer")
    command = ["java", "-jar", str(jar), *args]
    done = subprocess.run(command, capture_output=True, text=True)
    if done.returncode != 0:
        sys.exit(f"{caller}: `{' '.join(command)}` exited with {done.returncode}:\n{done.stderr.strip()}")
    return done.stdout


def java_version() -> str:
    """The first line of `java -version`, e.g. `openjdk version "17.0.15" 2025-04-15`."""
    done = subprocess.run(["java", "-version"], capture_output=True, text=True)
    return done.stderr.splitlines()[0] if done.stderr else "unknown"

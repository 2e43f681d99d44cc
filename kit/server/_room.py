"""``kit serve --room N``: how many attendees this machine holds, and which kernels to keep warm for them.

A trainer knows one number, the size of the room. Every attendee's page is
one Python kernel, and a kernel that starts when the page opens makes its
attendee wait (1.5 to 2 s of CPU each, so 30 at once on 2 cores wait half a
minute). So the server starts kernels ahead of demand and keeps them "warm"
(the lesson already run), and a page takes one when it opens:

- the room's first lesson of the agenda (usually the start page) and the next
  one: a kernel per attendee each, since the whole room opens them in turn;
- every other lesson of the agenda: ``ceil(N / lessons)`` kernels (the
  "spread"), enough for a self-paced room whose attendees are spread over the
  lessons;
- as the room moves on, the lesson after the one most of the room has opened
  gets a kernel per attendee (``kit.server._pools``).

The memory this needs, in MB, from the figures measured per lesson in
``kit/content/kernel_memory.yaml`` (``mb[i]``: a kernel of the agenda's lesson
``i``, its private memory)::

    need(N) = server + shared libraries + reserve
              + the most, over two lessons c, w taught one after the other, of
                N × (mb[c] + mb[w])                  every attendee's open page on c, a warm kernel on w
                + spread × (sum of mb[j], j not c or w)   the spread on every other lesson

The machine holds the largest N whose need fits in the memory available now.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from pydantic import Field

from kit.workshop.content import ContentModel, load_valid

#: What ``--agenda`` means when it is left out: every lesson, in order.
ALL_LESSONS = "all lessons"
HUB_RECIPE = "deploy/jupyterhub/README.md"


class LessonMemory(ContentModel):
    private_mb: float = Field(gt=0, description="the kernel's own memory in MB, a number such as 110")
    rss_mb: float = Field(gt=0, description="the kernel's resident memory in MB, a number such as 150")
    start_cpu_s: float = Field(gt=0, description="CPU seconds to start the kernel and run the lesson, such as 1.8")


class KernelMemory(ContentModel):
    """``kernel_memory.yaml``: measured memory per lesson's kernel, with the date and machine."""

    measured: str = Field(pattern=r"^\d{4}-\d{2}-\d{2}$", description='the date measured, as "2026-12-05"')
    machine: str = Field(min_length=1, description="the machine measured on, in a few words")
    server_mb: float = Field(gt=0, description="the server's own memory in MB")
    shared_mb: float = Field(ge=0, description="the libraries every kernel shares, counted once, in MB")
    baseline_mb: float = Field(gt=0, description="a kernel with one button, in MB")
    lessons: dict[str, LessonMemory] = Field(min_length=1, description="each lesson's figures, by its id")


def kernel_memory() -> KernelMemory:
    """The measured figures (``kit/content/kernel_memory.yaml``, written by ``bench/kernel_memory.py``)."""
    return load_valid("kernel_memory", KernelMemory)


def spread(room: int, lessons: int) -> int:
    """Warm kernels kept for each lesson besides the two the room is on: the room spread over the lessons."""
    return min(room, math.ceil(room / max(1, lessons)))


def room_need_mb(room: int, lesson_mb: Sequence[float], fixed_mb: float) -> float:
    """Memory (MB) a room of ``room`` needs for lessons of ``lesson_mb`` (agenda order), ``fixed_mb`` included.

    ``fixed_mb`` is what does not grow with the room: the server, the shared
    libraries and the reserve kept free. See the module's docstring.
    """
    if room <= 0:
        return fixed_mb
    each = spread(room, len(lesson_mb))
    pairs = list(zip(range(len(lesson_mb)), range(1, len(lesson_mb)))) or [(0, 0)]
    total = sum(lesson_mb)
    return fixed_mb + max(room * (lesson_mb[c] + lesson_mb[w])
                          + each * (total - lesson_mb[c] - (lesson_mb[w] if w != c else 0))
                          for c, w in pairs)


def room_capacity(lesson_mb: Sequence[float], fixed_mb: float, available_mb: float) -> int:
    """The largest room whose need fits in ``available_mb`` (0 when not even one attendee fits)."""
    room = 0
    while room < 100_000 and room_need_mb(room + 1, lesson_mb, fixed_mb) <= available_mb:
        room += 1
    return room


@dataclass(frozen=True)
class RoomPlan:
    """A room sized for this machine: what to warm at start, and whether the machine holds it.

    Attributes
    ----------
    room : attendees the trainer expects.
    agenda : the agenda's name, or ``ALL_LESSONS``.
    lessons : (label, notebook file, MB) of each lesson of the agenda served here, in order.
    spread : warm kernels for each lesson besides the first two.
    available_mb, need_mb : memory free now, and what the room needs.
    holds : the most attendees this machine holds with this agenda.
    measured : when the memory figures were measured.
    unmeasured : labels of lessons without a figure (counted as the heaviest lesson).
    alternatives : (agenda, attendees it holds) for the other agendas, to suggest one that fits.
    """

    room: int
    agenda: str
    lessons: tuple[tuple[str, str, float], ...]
    spread: int
    available_mb: float
    need_mb: float
    holds: int
    measured: str
    unmeasured: tuple[str, ...] = ()
    alternatives: tuple[tuple[str, int], ...] = ()

    @property
    def fits(self) -> bool:
        return self.room <= self.holds

    def pools(self) -> tuple[tuple[str, int], ...]:
        """Warm kernels per notebook at start: the first two lessons a kernel per attendee, the rest the spread."""
        return tuple((file, self.room if i < 2 else self.spread) for i, (_, file, _) in enumerate(self.lessons))

    def manager_config(self, fixed: dict[str, int] | None = None) -> dict:
        """What the kernel manager follows the room with (``LimitedKernelManager.room``)."""
        fixed = fixed or {}
        return {"lessons": [file for _, file, _ in self.lessons], "room": self.room, "spread": self.spread,
                "fixed": fixed, "mb": {file: mb for _, file, mb in self.lessons},
                "pools": {"default": {"pool_size": 0}, **{file: {"pool_size": size} for file, size in
                                                          (*self.pools(), *fixed.items())}}}

    def summary(self) -> str:
        """What the machine can hold and what ``kit serve`` prepares, in plain words, for the trainer."""
        lessons = f"{len(self.lessons)} lesson" + ("" if len(self.lessons) == 1 else "s")
        first = " and ".join(label for label, _, _ in self.lessons[:2])
        text = (f"Room of {self.room} for {_agenda_words(self.agenda)} ({lessons}): this machine has "
                f"{self.available_mb:,.0f} MB of memory free and can hold about {self.holds} attendees "
                f"with this agenda (memory per page measured on {self.measured}).")
        if self.unmeasured:
            text += f" No measured figure for {', '.join(self.unmeasured)}: counted as the heaviest lesson."
        if not self.fits:
            return text
        warm = sum(size for _, size in self.pools())
        others = (f", and {self.spread} for each other lesson" if len(self.lessons) > 2 else "")
        return (text + f" Warming {warm} kernels in the background, a few at a time: {self.room} for {first}"
                f"{others}. As the room moves on, the next lesson's kernels are warmed ahead of it.")

    def refusal(self) -> str | None:
        """Why the machine cannot hold the room and what to do, in plain words; None when it can."""
        if self.fits:
            return None
        fitting = [name for name, holds in self.alternatives if holds >= self.room]
        shorter = f' choose an agenda that fits (--agenda "{fitting[0]}"),' if fitting else ""
        fewer = f" serve {self.holds} or fewer (--room {self.holds})," if self.holds else ""
        return (f"a room of {self.room} needs about {self.need_mb:,.0f} MB of memory with "
                f"{_agenda_words(self.agenda)}, and this machine has {self.available_mb:,.0f} MB free, enough for "
                f"{self.holds}. Close other programs,{fewer}{shorter} use a machine with at least "
                f"{math.ceil(self.need_mb / 1024):,} GB of free memory, or for a bigger room run the kit on "
                f"JupyterHub ({HUB_RECIPE}).")


def _agenda_words(agenda: str) -> str:
    return "every lesson" if agenda == ALL_LESSONS else f'the agenda "{agenda}"'


def plan_room(room: int, lessons: Sequence[tuple[str, str, float]], available_mb: float, fixed_mb: float,
              agenda: str = ALL_LESSONS, measured: str = "", unmeasured: Sequence[str] = (),
              alternatives: Sequence[tuple[str, Sequence[float]]] = ()) -> RoomPlan:
    """Size a room of ``room`` for ``lessons`` (label, file, MB, in order) on a machine with ``available_mb`` free.

    Pure arithmetic (see the module's docstring): it reads nothing and refuses nothing itself;
    :meth:`RoomPlan.refusal` says why a room does not fit. ``alternatives`` are the other agendas,
    each as (name, MB of its lessons in order), so a refusal can name one that fits.
    """
    if room < 1:
        raise ValueError("--room is the number of attendees, 1 or more, such as --room 30.")
    if not lessons:
        raise ValueError("the agenda has no lesson served here.")
    sizes = [mb for _, _, mb in lessons]
    return RoomPlan(room=room, agenda=agenda, lessons=tuple(lessons), spread=spread(room, len(lessons)),
                    available_mb=available_mb, need_mb=room_need_mb(room, sizes, fixed_mb),
                    holds=room_capacity(sizes, fixed_mb, available_mb), measured=measured,
                    unmeasured=tuple(unmeasured),
                    alternatives=tuple((name, room_capacity(mb, fixed_mb, available_mb))
                                       for name, mb in alternatives if name != agenda and mb))


def available_mb() -> float:
    """Memory free for new programs now (Linux's MemAvailable), in MB."""
    import psutil

    return psutil.virtual_memory().available / 2**20


def agenda_lessons(agenda: str | None):
    """The lessons of the agenda called ``agenda`` (every lesson when None), in order; a plain error if none."""
    from kit.workshop import agenda_format, agenda_names, lessons

    every = lessons()
    if agenda is None or agenda.casefold() == ALL_LESSONS:
        return ALL_LESSONS, every
    names = {name.casefold(): name for name in agenda_names()}
    if agenda.casefold() not in names:
        raise ValueError(f"there is no agenda called {agenda!r}. Choose one of: {'; '.join(agenda_names())}; or "
                         f'"{ALL_LESSONS}" (quote a name with spaces, as in --agenda "SMB full day").')
    name = names[agenda.casefold()]
    by_id = {lesson.id: lesson for lesson in every}
    ids = [item for item in agenda_format(name).items if item in by_id]
    return name, [by_id[item] for item in dict.fromkeys(ids)]


def room_plan(room: int, agenda: str | None, notebooks: Path, reserve_mb: int,
              free_mb: float | None = None) -> RoomPlan:
    """The plan for ``kit serve --room N [--agenda NAME]`` on this machine, from the measured figures."""
    from kit.workshop import agenda_names

    name, chosen = agenda_lessons(agenda)
    figures = kernel_memory()
    rows = _served(chosen, figures, notebooks)
    if not rows:
        raise ValueError(f"no lesson of {_agenda_words(name)} is in {notebooks}.")
    others = [(other, [mb for _, _, mb in _served(agenda_lessons(other)[1], figures, notebooks)])
              for other in [*agenda_names(), ALL_LESSONS]]
    unmeasured = [lesson.label for lesson in chosen if lesson.id not in figures.lessons]
    return plan_room(room, rows, available_mb() if free_mb is None else free_mb,
                     figures.server_mb + figures.shared_mb + reserve_mb, name, figures.measured, unmeasured,
                     sorted(others, key=lambda item: -len(item[1])))


def _served(chosen, figures: KernelMemory, notebooks: Path) -> list[tuple[str, str, float]]:
    """(label, file, MB) of each lesson of ``chosen`` whose notebook is in ``notebooks``."""
    heaviest = max(entry.private_mb for entry in figures.lessons.values())
    return [(f"lesson {lesson.number}", lesson.file,
             figures.lessons[lesson.id].private_mb if lesson.id in figures.lessons else heaviest)
            for lesson in chosen if (notebooks / lesson.file).is_file()]

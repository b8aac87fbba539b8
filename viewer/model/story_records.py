"""The records of a story: :class:`Story`, :class:`StoryStep` and their edits.

A story is a named, ordered walk through a timeline, for presenting it
(:mod:`viewer.model.story` frames its steps on a timeline).  Pure Python, no
Qt; imports nothing of the model, so :class:`~viewer.model.timeline.Timeline`
can hold stories.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

__all__ = ["StoryStep", "Story", "move_step", "StoryError"]


class StoryError(ValueError):
    """A story operation that cannot be done (a step number out of range)."""


@dataclass(frozen=True)
class StoryStep:
    """One step of a story.

    Attributes
    ----------
    event : str
        Id of the event the step shows; it is selected and its quote is the
        caption.
    window : tuple of float or None
        ``(start, end)`` of the time window to show, seconds since the Unix
        epoch (UTC), ``start < end``.  None: the event framed with context
        (:func:`frame_event`).
    tracks : tuple of str
        Ids of the tracks to show, in any order; empty = all tracks.
    note : str
        What the presenter wants to remember to say (shown only to the
        presenter, never to the audience).
    """

    event: str
    window: tuple[float, float] | None = None
    tracks: tuple[str, ...] = ()
    note: str = ""


@dataclass(frozen=True)
class Story:
    """A named, ordered list of steps.

    Attributes
    ----------
    title : str
        The story's name (non-empty).
    steps : tuple of StoryStep
        In presentation order.
    description : str
        Optional words about the story (shown on the hand-out's title page).
    dday : str or None
        The relative axis (D-day) while presenting it: ``"band:ID"`` or
        ``"event:ID"`` (:func:`viewer.model.dday.parse_dday`); None: off,
        unless the desk view has one set when the presentation starts.
    """

    title: str
    steps: tuple[StoryStep, ...] = ()
    description: str = ""
    dday: str | None = None

    def __len__(self) -> int:
        return len(self.steps)

    # -- editing (each returns a new Story) ------------------------------
    def with_step(self, step: StoryStep, at: int | None = None) -> Story:
        """A copy with ``step`` inserted before index ``at`` (None = appended)."""
        steps = list(self.steps)
        steps.insert(len(steps) if at is None else max(0, min(at, len(steps))), step)
        return replace(self, steps=tuple(steps))

    def without_step(self, index: int) -> Story:
        """A copy without step ``index``; raises :class:`StoryError` if there is none."""
        self._check(index)
        return replace(self, steps=self.steps[:index] + self.steps[index + 1:])

    def with_moved_step(self, index: int, to: int) -> Story:
        """A copy with step ``index`` moved to position ``to`` (clamped to the ends)."""
        return replace(self, steps=move_step(self.steps, index, to))

    def with_replaced_step(self, index: int, step: StoryStep) -> Story:
        """A copy with step ``index`` replaced by ``step``."""
        self._check(index)
        return replace(self, steps=self.steps[:index] + (step,) + self.steps[index + 1:])

    def _check(self, index: int) -> None:
        if not 0 <= index < len(self.steps):
            raise StoryError(f"story {self.title!r} has no step {index + 1} (it has {len(self.steps)})")


def move_step(steps: tuple[StoryStep, ...], index: int, to: int) -> tuple[StoryStep, ...]:
    """``steps`` with the one at ``index`` moved to position ``to`` (clamped).

    Raises
    ------
    StoryError
        If ``index`` is not a step.
    """
    if not 0 <= index < len(steps):
        raise StoryError(f"there is no step {index + 1} (there are {len(steps)})")
    items = list(steps)
    item = items.pop(index)
    items.insert(max(0, min(to, len(items))), item)
    return tuple(items)

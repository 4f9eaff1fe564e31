"""A "you" that states a rule is anyone, not the listener: "it used to be a
requirement that you had to be a team member at X" gives the host no job. A "you" said
to the guest of their own career still is the guest.

Extraction runs on the real spaCy model (no build); the dialogue is invented.
"""

from __future__ import annotations

_SPEAKERS = [
    {"name": "Sid Marlow", "role": "guest"},
    {"name": "Ada Stone", "role": "host"},
]
_TALK = (
    "Ada Stone: So tell me about the shadow program at your company.\n"
    "Sid Marlow: It used to be a requirement that you already had to be a team member "
    "at GitLab for a while; we just scrapped that last week. You can join any meeting.\n"
    "Ada Stone: And you worked at Initech before that. You joined Initech in 2010.\n"
    "Sid Marlow: Yes, I did, for six years.\n"
)


def test_a_rule_said_with_you_gives_the_listener_no_job(typed):
    facts = typed(_TALK, speakers=_SPEAKERS)
    assert not {f for f in facts if f[0] == "Ada Stone"}


def test_the_guests_own_career_said_to_them_is_theirs(typed):
    assert ("Sid Marlow", "worksFor", "Initech") in typed(_TALK, speakers=_SPEAKERS)

"""What principle co-design gives the retraining loop (given through its activity.py).

Nothing as rows. A vote says whether a person agrees with a proposed principle; it carries no
request and no model reply, so there is no pair to prefer or demonstration to imitate, and
inventing replies to pair would train on text no rater saw. Votes act on models through what
they enact: the current constitution conditions recipes (`condition_on_constitution`) and the
constitution-agreement gate. Proposals and enactments likewise are texts about principles.
"""

from loop.providers import Conversion
from signalpool.kinds import SignalKind

CONVERSIONS = (
    Conversion(
        kind=SignalKind.VOTE,
        formats=(),
        context="A vote (agree, disagree, pass) on a proposed principle holds no request or "
        "reply to train on; votes reach models through the constitution they enact "
        "(condition_on_constitution and the constitution-agreement gate).",
    ),
    Conversion(
        kind=SignalKind.PROPOSAL,
        formats=(),
        context="A proposal is a principle's text, which reaches models once enacted.",
    ),
    Conversion(
        kind=SignalKind.ENACTMENT,
        formats=(),
        context="An enactment records which constitution holds; recipes condition on it.",
    ),
)

"""Typed relations from the parse's frames and from grounded reference, on short texts
written for these tests (no wording from the seeds, the held-out transcripts or the
dialogues): the organisation a person is "at", prepositions the parse hangs on a name,
co-founders and where a company was founded, first person in an unlabelled interview,
advisors in apposition, "there" and a role said without its organisation, time "spent
at", "where I went to school", an organisation and its place in one phrase, and names
the transcript introduced. Each family has sentences that must NOT yield the relation
(questions, hypotheticals, negation, hearsay, lists, ungrounded pronouns).

Extraction runs on the real spaCy model, one transcript at a time (no build).
"""

from __future__ import annotations

from kg.config import Settings


def _about(found: set[tuple[str, str, str]], name: str) -> set[tuple[str, str, str]]:
    return {t for t in found if name in (t[0], t[2])}


# -- a person "at" an organisation ------------------------------------------------------
def test_person_at_a_company_works_there_at_a_university_is_affiliated(typed):
    found = typed(
        "Host: Who helped you early on?\n"
        "Guest: Mentors like Maria Lopez at Sequoia Capital. And advice from Raj Patel at "
        "Stanford University.\n"
    )
    assert ("Maria Lopez", "worksFor", "Sequoia Capital") in found
    assert ("Raj Patel", "affiliatedWith", "Stanford University") in found
    assert ("Maria Lopez", "affiliatedWith", "Sequoia Capital") not in found
    assert ("Raj Patel", "worksFor", "Stanford University") not in found


def test_we_in_a_clause_that_asserts_nothing_grounds_no_workplace(typed):
    found = typed(
        "Host: What did you do back then?\n"
        "Guest: We would sometimes run a mirror for the Apache Software Foundation.\n"
    )
    assert not {t for t in found if t[1] == "worksFor"}


# -- prepositions the parse hangs on a name ---------------------------------------------
def test_a_with_phrase_hung_on_the_university_still_belongs_to_the_verb(typed):
    found = typed(
        "Host: Where did you train?\n"
        "Noor Aziz: I did my postdoc at Imperial College London with Julia Gray.\n"
    )
    assert ("Noor Aziz", "studiedUnder", "Julia Gray") in found
    assert ("Noor Aziz", "affiliatedWith", "Imperial College London") in found


def test_a_two_clause_list_is_not_paired_crosswise(typed):
    found = typed(
        "Host: And your friends?\n"
        "Guest: Anna Miller studied at Oxford University, and Ben Cole worked at Intel.\n"
    )
    assert ("Anna Miller", "affiliatedWith", "Oxford University") in found
    assert ("Ben Cole", "worksFor", "Intel") in found
    assert not {t for t in found if t[0] == "Anna Miller" and t[2] == "Intel"}
    assert not {t for t in found if t[0] == "Ben Cole" and t[2] == "Oxford University"}


# -- co-founders and where a company was founded -----------------------------------------
def test_cofounded_with_someone_in_a_city(typed):
    found = typed(
        "Host: Tell us about the company.\n"
        "Wanjiru Kamau: I co-founded Larkspur Labs with James Otieno in Berlin.\n"
        "Host: And then?\n"
        "Wanjiru Kamau: We trained a model called Heron.\n"
    )
    assert ("Wanjiru Kamau", "founded", "Larkspur Labs") in found
    assert ("James Otieno", "founded", "Larkspur Labs") in found
    assert ("Larkspur Labs", "locatedIn", "Berlin") in found
    # the founder's "we" is the company she founded
    assert ("Larkspur Labs", "created", "Heron") in found


def test_a_hypothetical_founding_states_nothing(typed):
    found = typed(
        "Host: Any regrets?\n"
        "Wanjiru Kamau: If I had co-founded Larkspur Labs with James Otieno in Berlin, "
        "things would be different.\n"
    )
    assert not {t for t in found if t[1] in ("founded", "locatedIn")}


# -- first person in an unlabelled interview ----------------------------------------------
INTERVIEW = [{"name": "Chris Dale", "role": "host"}, {"name": "Mina Arora", "role": "guest"}]


def test_an_answer_after_the_hosts_question_is_the_guests(typed):
    found = typed(
        "I spent ten years at Boeing before I started this show.\n\n"
        "So where did you go after college?\n\n"
        "I ended up at Cornell University.\n\n"
        "You know, I always wanted to see you at Princeton University.\n",
        name="interview.txt",
        speakers=INTERVIEW,
    )
    assert ("Mina Arora", "affiliatedWith", "Cornell University") in found
    # before the first question: the host's introduction, not the guest's
    assert not _about(found, "Boeing")
    # a unit that addresses "you" may be the host's: its "I" is not grounded
    assert ("Mina Arora", "affiliatedWith", "Princeton University") not in found


def test_the_filler_you_know_addresses_no_one(typed):
    found = typed(
        "So where did you go after college?\n\n"
        "At that point -- you know, I was doing research at Cornell University.\n\n"
        "You know that I was at Princeton University too.\n",
        name="interview.txt",
        speakers=INTERVIEW,
    )
    assert ("Mina Arora", "affiliatedWith", "Cornell University") in found
    # "know" with a clause of its own addresses someone: that "I" is not grounded
    assert not {t for t in found if t[0] == "Mina Arora" and t[2] != "Cornell University"}


def test_an_object_pronoun_is_no_patterns_subject(typed):
    found = typed(
        "Host: Who helped?\nMaya Chen: Susan Wright was a great mentor for me on the board "
        "of Intel.\n"
    )
    assert not {t for t in found if t[0] == "Maya Chen"}
    assert ("Susan Wright", "affiliatedWith", "Intel") in found


def test_a_sidecar_speaker_introducing_themself_is_the_units_first_person(typed):
    found = typed(
        "Hi, I'm Chris Dale, and I work at Microsoft.\n",
        name="intro.txt",
        speakers=INTERVIEW,
    )
    assert ("Chris Dale", "worksFor", "Microsoft") in found
    assert not {t for t in found if t[0] == "Mina Arora"}


def test_first_person_without_grounding_stays_unresolved(typed):
    found = typed(
        "So where did you go after college?\n\nI ended up at Cornell University.\n",
        name="nosidecar.txt",
    )
    assert not {t for t in found if t[2] == "Cornell University"}


# -- advisors, "there", a role without its organisation ----------------------------------
def test_my_advisor_in_apposition(typed):
    found = typed(
        "Host: Who shaped you?\nPetra Novak: My supervisor, Jonas Lind, was endlessly patient.\n"
    )
    assert ("Petra Novak", "studiedUnder", "Jonas Lind") in found


def test_there_and_a_bare_role_stand_for_the_units_organisation(typed):
    found = typed(
        "Host: Where did you study?\n"
        "Sara Holm: I did my PhD at Aalto University with Peter Hansen. He was a "
        "professor of physics there.\n"
        "Host: And your sister?\n"
        "Sara Holm: Ines Holm founded Quilter Labs in 2015, and she is still the CEO.\n"
    )
    assert ("Peter Hansen", "worksFor", "Aalto University") in found
    assert ("Ines Holm", "worksFor", "Quilter Labs") in found


def test_a_bare_role_with_two_organisations_in_view_is_not_guessed(typed):
    found = typed(
        "Host: And your sister?\n"
        "Sara Holm: Ines Holm left Quilter Labs for Helio Systems, and she is the CEO.\n"
    )
    assert not {t for t in found if t[0] == "Ines Holm" and t[1] == "worksFor"}


# -- time spent at, where I went to school, doing research at, was at --------------------
def test_frames_of_study_and_work(typed):
    found = typed(
        "Host: Tell me about those years.\n"
        "Lea Brandt: My whole final year was spent at ETH Zurich. I love Keio University, "
        "where I went to school. Later I was doing research at the Weizmann Institute. "
        "Back then I was at Intel.\n"
    )
    assert ("Lea Brandt", "affiliatedWith", "ETH Zurich") in found
    assert ("Lea Brandt", "affiliatedWith", "Keio University") in found
    assert ("Lea Brandt", "affiliatedWith", "Weizmann Institute") in found
    assert ("Lea Brandt", "worksFor", "Intel") in found


def test_being_somewhere_for_an_occasion_is_no_job(typed):
    found = typed("Host: Busy week?\nLea Brandt: Yes, I was at Intel yesterday for a talk.\n")
    assert not {t for t in found if t[1] in ("worksFor", "affiliatedWith")}


def test_frames_in_questions_and_negations_state_nothing(typed):
    found = typed(
        "Lea Brandt: Were you at Intel back then?\n"
        "Tom Reed: My final year was not spent at ETH Zurich.\n"
        "Lea Brandt: Where did you go to school, at Keio University?\n"
    )
    assert not {t for t in found if t[1] in ("worksFor", "affiliatedWith")}


# -- an organisation and its place in one phrase -----------------------------------------
def test_an_organisation_and_a_place_on_one_word(typed):
    found = typed(
        "Host: What do you do?\n"
        "Omar Said: I'm an engineer at Veridian Labs in Oslo. Friends of mine founded a "
        "venture firm in Boston called Tagus Capital.\n"
    )
    assert ("Veridian Labs", "locatedIn", "Oslo") in found
    assert ("Tagus Capital", "locatedIn", "Boston") in found


def test_a_question_about_a_place_locates_nothing(typed):
    found = typed("Host: Would you work at Veridian Labs in Oslo?\nOmar Said: Maybe.\n")
    assert not {t for t in found if t[1] == "locatedIn"}


# -- names the transcript introduced -----------------------------------------------------
def test_an_introduced_name_opening_a_sentence_is_found_again(typed):
    found = typed(
        "Host: What did you ship?\n"
        "Omar Said: We released a model called Quill. Quill is based on Llama 2.\n"
    )
    assert ("Quill", "basedOn", "Llama 2") in found


# -- ideas have authors -------------------------------------------------------------------
def test_the_author_of_an_idea(typed):
    found = typed(
        "Host: Who started the field?\n"
        "Guest: Alan Turing was the father of computer science. Claude Shannon invented "
        "information theory. Charles Darwin's theory of natural selection changed biology.\n"
    )
    assert ("Alan Turing", "created", "computer science") in found
    assert ("Claude Shannon", "created", "information theory") in found
    assert {t for t in found if t[1:] == ("created", "natural selection")}


def test_ideas_asked_about_denied_or_heard_of_have_no_author(typed):
    found = typed(
        "Host: Did Claude Shannon invent cryptography?\n"
        "Guest: Claude Shannon never invented cryptography. Some people say Alan Turing "
        "invented deep learning. Alan Turing developed an interest in biology.\n"
    )
    assert not {t for t in found if t[1] == "created"}


# -- a concept beside an indefinite one ----------------------------------------------------
def test_a_concept_in_apposition_with_an_indefinite_one_is_a_kind_of_it(typed):
    found = typed(
        "Host: What did you use?\nGuest: We trained an LSTM, a recurrent neural network, "
        "on the data.\n"
    )
    assert ("LSTM", "broader", "recurrent neural network") in found


def test_a_list_of_concepts_is_no_apposition(typed):
    found = typed(
        "Host: What did you try?\nGuest: We tried supervised learning, an LSTM, a "
        "transformer and reinforcement learning.\n"
    )
    assert not {t for t in found if t[1] == "broader"}


# -- an organisation's own products --------------------------------------------------------
def test_their_product_is_the_organisations(typed):
    found = typed(
        "Host: What did they make?\nGuest: Amazon had built a set of products, like "
        "their Alexa voice assistant.\n"
    )
    assert ("Amazon", "created", "Alexa") in found


def test_their_product_with_two_organisations_or_a_hypothetical_is_no_ones(typed):
    found = typed(
        "Host: What did they make?\nGuest: Google and Amazon compete, and I like their "
        "Alexa voice assistant. If Amazon had dropped their Alexa voice assistant, we "
        "would know.\n"
    )
    assert not {t for t in found if t[1] == "created"}


def test_that_board_is_the_one_organisation_just_named(typed):
    found = typed(
        "Host: Any boards?\nMaya Chen: Early on, people like Tom Hale, who was the founder "
        "of Mozilla, I sat on that board. Then Intel and Apple called, and I sat on that "
        "board too.\n"
    )
    assert ("Maya Chen", "affiliatedWith", "Mozilla") in found
    # two organisations named: which board is unsaid
    assert not {t for t in found if t[0] == "Maya Chen" and t[2] in ("Intel", "Apple")}


# -- where a person lives or works ---------------------------------------------------------
def test_a_person_lives_returns_or_grew_up_in_a_place(typed):
    found = typed(
        "There was a Hungarian physician who lived in Vienna called Anton Weber. Later "
        "Weber returned to his native Budapest. Maria Costa grew up in Lisbon.\n"
    )
    assert ("Anton Weber", "locatedIn", "Vienna") in found
    assert ("Weber", "locatedIn", "Budapest") in found
    assert ("Maria Costa", "locatedIn", "Lisbon") in found


def test_back_in_a_place_is_the_speakers(typed):
    found = typed(
        "So I was back in Chile, and I was looking at the local colleges.\n",
        speakers=[{"name": "Rosa Diaz", "role": "speaker"}],
    )
    assert ("Rosa Diaz", "locatedIn", "Chile") in found


def test_trips_negation_questions_and_hypotheticals_place_no_one(typed):
    found = typed(
        "Host: Did Jonas Berg live in Oslo?\nGuest: Maria Costa flew to Paris for a "
        "conference. Maria Costa did not live in Madrid. If Jonas Berg moved to Oslo he "
        "would be happy. People say Tom Hale lived in Rome. Maria Costa was in Berlin "
        "yesterday for a talk.\n"
    )
    assert not {t for t in found if t[1] == "locatedIn"}


def test_a_kind_of_needs_its_own_subject():
    """A "be" the parse joins to an earlier verb of a long unpunctuated unit does not
    share that verb's subject (the subject of "is a kind of" is no mention here)."""
    from kg.extract.entities import SpanMention
    from kg.extract.relations.clauses import clause_facts
    from kg.model import Mention
    from kg.nlp import load_nlp

    doc = load_nlp(Settings())(
        "oslo deep learning built a vision system called lark and lark is based on bert "
        "sequoia capital invested in harbor labs last year and google acquired kaggle a long "
        "time ago keyword spotting is a kind of computer vision"
    )

    def concept(words: str) -> SpanMention:
        start = next(t.i for t in doc if doc[t.i : t.i + len(words.split())].text == words)
        m = Mention(
            "t", 0, 0, doc[start].idx, doc[start].idx + len(words), words, "Concept", "concept"
        )
        return SpanMention(m, start, start + len(words.split()))

    spans = [concept("deep learning"), concept("computer vision")]
    # the parse joins "is" to "built" (conj) with no subject of its own
    verb = next(t for t in doc if t.lower_ == "is" and t.nbor(1).lower_ == "a")
    assert (
        verb.dep_ == "conj"
        and verb.head.lower_ == "built"
        and not [c for c in verb.children if c.dep_ == "nsubj"]
    )
    assert not [f for f in clause_facts(doc, spans) if f.predicate == "broader"]


# -- open relations: frames beyond subject-verb-object, grounded people and "we" -------------
def test_a_passive_with_its_agent_reads_actively(open_rel):
    found = open_rel("Self-attention was introduced by Dzmitry Bahdanau.\n")
    assert ("Dzmitry Bahdanau", "introduce", "Self-attention", False) in found


def test_an_adjective_after_a_copula_relates_through_its_preposition(open_rel):
    found = open_rel(
        "Honestly, the artificial neuron is closely related to the biological neuron. "
        "Gradient descent is not related to genetic algorithms.\n"
    )
    ends = {(s.lower(), o.lower(), neg) for s, p, o, neg in found if "related to" in p}
    assert ("artificial neuron", "biological neuron", False) in ends
    assert ("gradient descent", "genetic algorithms", True) in ends  # kept, flagged


def test_a_complex_preposition_is_one(open_rel):
    found = open_rel("Maria Costa testified in front of Congress last May.\n")
    assert {p for s, p, o, _ in found if s == "Maria Costa" and o == "Congress"} == {
        "testify in front of"
    }


def test_a_grounded_speaker_relates_to_concepts_a_generic_you_or_an_attitude_not(open_rel):
    found = open_rel(
        "Host: What did you work on?\n"
        "Rosa Diaz: I worked on reinforcement learning for years. Then I looked at "
        "computer vision.\n"
        "Host: Do you use reinforcement learning?\n"
        "Rosa Diaz: You could use computer vision. If I had studied robotics I would know.\n"
    )
    assert ("Rosa Diaz", "work on", "reinforcement learning", False) in found
    rosa = {(p, o) for s, p, o, _ in found if s == "Rosa Diaz"}
    assert not {o for _, o in rosa} & {"deep learning", "computer vision", "robotics"}, rosa


def test_we_of_the_speakers_organisation_made_what_it_did_not_what_it_imagines(open_rel):
    found = open_rel(
        "Host: Where do you work?\n"
        "Rosa Diaz: I joined DeepMind in 2019, and at DeepMind we built a speech recognition "
        "system. We are building a human brain, in a sense. We love reinforcement learning.\n"
    )
    made = {(s, p, o) for s, p, o, _ in found if s == "DeepMind"}
    assert ("DeepMind", "build", "speech recognition system") in made
    assert not {o for _, _, o in made} & {"human brain", "reinforcement learning"}, made


def test_two_clauses_read_as_one_pair_no_subject_across_a_verb(open_rel):
    found = open_rel(
        "Northwind Capital invested in Corvina Research, and Maple Partners backed Alpine Vision.\n"
    )
    assert not {t for t in found if t[0] == "Northwind Capital" and t[2] == "Alpine Vision"}


def test_a_fronted_adjunct_is_no_object(open_rel):
    found = open_rel(
        "Host: And before?\nRosa Diaz: Before DeepMind, I spent three years at Google as a "
        "research scientist.\n"
    )
    assert not {t for t in found if t[2] in ("DeepMind", "research scientist")}, found


def test_a_copula_with_an_indefinite_concept_defines_a_kind(typed):
    found = typed(
        "Computer vision, in the end, is a machine learning application. Deep learning, "
        "honestly, is the machine learning that everyone uses. Speech recognition, I'd say, "
        "is not a computer vision task. Is robotics, in the end, a machine learning problem?\n"
    )
    broader = {(s, o) for s, p, o in found if p == "broader"}
    assert ("Computer vision", "machine learning application") in broader
    # "the" names one thing twice; a negation, a question: no kind
    assert not {s for s, _ in broader} & {"Deep learning", "Speech recognition", "robotics"}


def test_two_prepositions_in_a_row_are_the_verbs(open_rel):
    found = open_rel(
        "The transformer architecture grew out of machine translation. Deep learning did "
        "not arise out of symbolic AI.\n"
    )
    assert ("transformer architecture", "grow out of", "machine translation", False) in found
    assert ("Deep learning", "arise out of", "symbolic AI", True) in found


def test_a_passive_without_agent_keeps_its_participle(open_rel):
    found = open_rel(
        "Reinforcement learning is used for robotics. Convolutional neural networks are "
        "used in computer vision.\n"
    )
    assert ("Reinforcement learning", "used for", "robotics", False) in found
    assert ("Convolutional neural networks", "used in", "computer vision", False) in found


def test_a_speaker_entering_a_field_but_not_going_places(open_rel):
    found = open_rel(
        "Host: How did you start?\n"
        "Rosa Diaz: I went into machine learning after college. Then I went to Google "
        "and got to robotics later. Did you go into computer vision?\n"
    )
    rosa = {(p, o) for s, p, o, _ in found if s == "Rosa Diaz"}
    assert ("go into", "machine learning") in rosa
    assert not {p for p, _ in rosa} - {"go into"}, rosa


# -- a person's own thesis, book or paper ---------------------------------------------------
def test_my_thesis_or_paper_named_is_mine_my_favorite_is_not(typed):
    found = typed(
        "Host: Tell us about your work.\nRosa Diaz: My first paper was called Generative "
        "Adversarial Nets. My favorite paper is Attention Is All You Need. My paper was not "
        "called Language Models are Few-Shot Learners. Was your thesis Scaling Laws for "
        "Neural Language Models?\nHost: And Tom Hale?\nRosa Diaz: Tom Hale is a friend of "
        "mine. His dissertation was the Chinchilla paper.\n"
    )
    created = {(s, o) for s, p, o in found if p == "created"}
    assert ("Rosa Diaz", "Generative Adversarial Nets") in created
    assert ("Tom Hale", "Chinchilla paper") in created
    assert len(created) == 2, created  # not the favorite, the negation or the question


def test_a_speakers_own_can_offers_the_act_and_states_nothing(open_rel):
    found = open_rel(
        "Host: And the theory?\n"
        "Rosa Diaz: I worked on reinforcement learning for years, and I can explain "
        "reinforcement learning later.\n"
    )
    rosa = {p for s, p, o, _ in found if s == "Rosa Diaz"}
    assert "work on" in rosa
    assert "explain" not in rosa


# -- frames of the sixth round: passives, infinitives of going, relative clauses ---------
_GUEST = [{"name": "Ana Silva", "role": "guest"}, {"name": "Bo Li", "role": "host"}]


def test_an_organisation_created_by_a_person_was_founded_by_them(typed):
    found = typed(
        "Host: How did it start?\nAna Silva: Brightwave Technologies was created by my "
        "co-founder, Tomasz Nowak. Was Lumentis Group created by Karl Berg?\n"
    )
    assert ("Tomasz Nowak", "founded", "Brightwave Technologies") in found
    assert not {t for t in found if t[0] == "Karl Berg"}  # a question states nothing


def test_born_and_raised_in_a_place(typed):
    found = typed(
        "Host: Where are you from?\nGuest: I was born and raised in Portugal. Later I "
        "flew to Chile for a conference. I was not born in Spain.\n",
        speakers=_GUEST,
    )
    located = {o for s, p, o in found if p == "locatedIn" and s == "Ana Silva"}
    assert located == {"Portugal"}  # not the trip, not the negation


def test_an_internship_done_at_a_company_is_work_there(typed):
    found = typed(
        "Host: And after school?\nGuest: After college I did an internship at Siemens. "
        "I also gave a talk at Oracle once.\n",
        speakers=_GUEST,
    )
    jobs = {o for s, p, o in found if p == "worksFor" and s == "Ana Silva"}
    assert jobs == {"Siemens"}


def test_going_to_work_somewhere_is_the_goers_job_being_asked_to_is_not(typed):
    found = typed(
        "Host: And then?\nGuest: Then I went to work for Siemens as a designer. My "
        "sister asked me to work for Oracle, but I declined. For me to go to work for "
        "Intel would be hard.\n",
        speakers=_GUEST,
    )
    jobs = {o for s, p, o in found if p == "worksFor"}
    assert jobs == {"Siemens"}


def test_a_relative_clause_without_its_object_is_about_its_noun(typed):
    found = typed(
        'Host: What did you write?\nGuest: There is a book I wrote last year called "The '
        'Quiet Machine". There is a book I read called "Glass Rivers". Back then Google, '
        "the company I worked at for years, was small. I liked Microsoft, the company I "
        "visited.\n",
        speakers=_GUEST,
    )
    mine = {(p, o) for s, p, o in found if s == "Ana Silva"}
    assert ("created", "Quiet Machine") in mine or ("created", "The Quiet Machine") in mine
    assert ("worksFor", "Google") in mine
    assert not {o for _, o in mine if "Glass" in o or o == "Microsoft"}, mine


def test_we_with_a_partner_is_not_where_we_work(typed):
    found = typed(
        "Host: What did you do there?\nGuest: At Lumora Labs we built a robot arm in "
        "collaboration with Siemens.\nHost: And now?\nGuest: We are with Oracle now.\n",
        speakers=_GUEST,
    )
    jobs = {o for s, p, o in found if p == "worksFor" and s == "Ana Silva"}
    assert "Siemens" not in jobs
    assert "Oracle" in jobs


def test_a_hosts_question_answered_under_the_hosts_own_label_grounds_no_i(typed):
    vtt = (
        "WEBVTT\n\n1\n00:00:01.000 --> 00:00:04.000\n<v Bo Li>you were still working at "
        "Siemens then, isn't that\n\n2\n00:00:04.100 --> 00:00:06.000\n<v Bo Li>right?\n"
        "Yeah, I was working at Siemens and,\n\n3\n00:00:06.100 --> 00:00:09.000\n"
        "<v Ana Silva>I worked for Oracle later.\n\n4\n00:00:09.100 --> 00:00:12.000\n"
        "<v Bo Li>Yes, I worked at Intel myself.\n"
    )
    speakers = [
        {"name": "Ana Silva", "role": "guest", "label": "Ana Silva"},
        {"name": "Bo Li", "role": "host", "label": "Bo Li"},
    ]
    found = typed(vtt, name="t.vtt", speakers=speakers)
    jobs = {(s, o) for s, p, o in found if p == "worksFor"}
    assert ("Bo Li", "Siemens") not in jobs  # the guest's answer in the host's cue
    assert ("Ana Silva", "Oracle") in jobs
    assert ("Bo Li", "Intel") in jobs  # the host's own "yes" after no question of theirs


def test_them_after_an_organisation_said_as_subject_and_funding_is_investing(typed):
    found = typed(
        "Host: And money?\nGuest: Back then Google had nearly gone bankrupt and Tom Hale "
        "had funded them out of pocket. Back then Microsoft and Intel liked the founders, "
        "and Rita Moss funded them. Back then Google hired two students and paid them "
        "well.\n",
        speakers=_GUEST,
    )
    invested = {(s, o) for s, p, o in found if p == "investedIn"}
    assert invested == {("Tom Hale", "Google")}  # not across a list, not people


def test_that_board_points_back_to_the_organisation_named_before_it(typed):
    found = typed(
        "Host: Boards?\nGuest: People like Tom Hale, who was the founder of Shopify, I sat "
        "on that board, and Microsoft and Intel were partners too. Microsoft and Intel "
        "were partners, I sat on that board.\n",
        speakers=_GUEST,
    )
    boards = {o for s, p, o in found if p == "affiliatedWith" and s == "Ana Silva"}
    assert boards == {"Shopify"}  # two organisations before it: which board is unsaid


def test_a_copulas_complement_said_again_keeps_its_place(typed):
    found = typed(
        "Host: What was it?\nGuest: Yeah, Microsoft was a research, a robotics research "
        "company in Oslo. Intel was a software, a small software company in Ottawa. "
        "Google was a client, a big client in Lisbon.\n",
        speakers=_GUEST,
    )
    located = {(s, o) for s, p, o in found if p == "locatedIn"}
    assert ("Microsoft", "Oslo") in located
    assert ("Intel", "Ottawa") in located
    assert ("Google", "Lisbon") not in located  # a client is no organisation noun


def test_a_name_the_parse_hangs_on_a_pronoun_names_the_relative_clauses_noun(typed):
    found = typed(
        'Host: So?\nGuest: Later there is a paper I wrote about this called "The Quiet '
        'Machine", and it is old.\nHost: And?\nGuest: There is a paper I read about this '
        'called "Glass Rivers", and it is new.\n',
        speakers=_GUEST,
    )
    made = {o for s, p, o in found if p == "created" and s == "Ana Silva"}
    assert made & {"Quiet Machine", "The Quiet Machine"}
    assert not {o for o in made if "Glass" in o}


def test_known_as_names_the_noun_it_hangs_on(typed):
    found = typed(
        "Host: Who are you?\nGuest: I am the CTO of the Machine Learning Foundation, "
        "otherwise known as Lumora Labs.\nHost: And Tom Hale?\nGuest: Tom Hale is a fan "
        "of the Deep Learning Foundation, also known as Veridian Labs.\n",
        speakers=_GUEST,
    )
    jobs = {(s, o) for s, p, o in found if p == "worksFor"}
    assert ("Ana Silva", "Lumora Labs") in jobs
    assert not {j for j in jobs if j[0] == "Tom Hale"}  # a fan is no role


def test_what_hangs_on_the_role_after_as_is_the_verbs(typed):
    found = typed(
        "Host: And then?\nGuest: Later I worked as an engineer at Microsoft. And I was "
        "working as a researcher in Japan. Once I spoke as a guest at Intel.\n",
        speakers=_GUEST,
    )
    mine = {(p, o) for s, p, o in found if s == "Ana Silva"}
    assert ("worksFor", "Microsoft") in mine
    assert ("locatedIn", "Japan") in mine
    assert not {x for x in mine if x[1] == "Intel"}  # a guest is no role

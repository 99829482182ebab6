package dev.engram.extraction.triples;

import dev.engram.records.triples.Triple;
import dev.engram.records.triples.EntityNormalizer;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads the triples of one sentence from its noun phrases and the gaps between neighbours, ReVerb style:
 * subject, relation phrase, object; "is the capital of" folds a light noun into the relation; coordinated
 * objects repeat the relation; ", a Y" appositives and "X is a Y" copulas give "is a" facts; participles after
 * a copula's complement ("X is a journal published by Y") belong to the copula's subject.
 */
final class SentenceRelations {

    private static final Set<String> OWNER_DETERMINERS = Set.of("its", "his", "her", "their");
    private static final Set<String> ROLES = Set.of("editor", "president", "director", "founder", "ceo",
            "chairman", "chairperson", "chair", "captain", "coach", "manager", "leader", "head", "chief", "owner",
            "producer", "publisher", "principal", "dean", "mayor", "governor", "minister", "secretary", "host");
    private static final int MAX_FOLDED_NOUN_TOKENS = 4;
    private static final Set<String> PERSONAL = Set.of("he", "she");
    private static final Pattern LOCATIVE = Pattern.compile("\\b(in|at|near|from|to)$");
    private static final int MAX_PREDICATE_WORDS = 9;
    // "directed and produced by", "was born and raised in": verbs sharing their preposition and object
    private static final Pattern COORDINATED_VERBS = Pattern.compile("^((?:[a-z]+ ){0,2}?)"
            + "([a-z-]+(?: ?, [a-z-]+){0,3}(?: ?,)? and [a-z-]+)((?: (?:up|out|down|back))?(?: (?:by|in|at|on))?)$");
    private static final Set<String> AUXILIARIES = Set.of("is", "was", "are", "were", "has", "have", "had", "been",
            "be", "being", "will", "would");
    // prepositions that keep a phrase inside the copula's complement: "a former institute ... in New York City"
    private static final Set<String> CHAIN_PREPOSITIONS = Set.of("in", "at", "near", "by");
    // participles that, after "X is a N in Y", describe X: the verbs of who made it, when, and where it is
    private static final Set<String> DESCRIBING_PARTICIPLES = Set.of("founded", "established", "located",
            "situated", "based", "headquartered", "directed", "produced", "co-produced", "written", "co-written",
            "released", "published", "recorded", "composed", "designed", "built", "constructed", "developed",
            "created", "owned", "operated", "managed", "performed", "distributed", "starring", "formed",
            "incorporated", "opened", "launched", "broadcast", "aired", "hosted", "edited", "illustrated", "sung",
            "organized", "organised", "sponsored", "co-founded", "manufactured", "marketed", "named");

    private final TaggedSentence sentence;
    private final List<Phrase> args;
    private final TitleContext title;
    private final EntityNormalizer normalizer;
    private final List<Triple> out;

    // state while walking the phrases left to right
    private String clauseSubject;
    private int lastObject = -1;
    private String lastSubject;
    private String lastPredicate;
    private String lastVerbPart;
    private int copulaComplement = -1;
    private int complementChain = -1;
    private boolean complementIsHead;
    private String copulaSubject;
    private String copulaVerb;
    private final String[] aliases;
    private String interruptedSubject;
    private boolean asideOpened;

    private final String previousSubject;

    SentenceRelations(TaggedSentence sentence, List<Phrase> args, TitleContext title, EntityNormalizer normalizer,
                      String previousSubject, List<Triple> out) {
        this.previousSubject = previousSubject;
        this.sentence = sentence;
        this.args = args;
        this.title = title;
        this.normalizer = normalizer;
        this.out = out;
        this.aliases = new String[args.size()];
    }

    /** The named subject of this sentence's first clause, for "he"/"she" in the next one; null if none. */
    String namedSubject() {
        return clauseSubject;
    }

    void read() {
        int n = args.size();
        for (int a = 0; a + 1 < n; a++) {
            Phrase left = args.get(a);
            Phrase right = args.get(a + 1);
            Gap gap = Gap.between(sentence, left.end(), right.start());
            switch (gap.kind()) {
                case VERBAL -> a = verbal(a, gap);
                case COORDINATION -> {
                    if (a == 0 && sentence.token(right.start() - 1).equalsIgnoreCase("or")) {
                        aliases[1] = subjectArgument(left); // "Dai Jitao or Tai Chi-t'ao was ...": one person
                        if (aliases[1] != null && right.proper()) {
                            emitSilently(aliases[1], "also known as", right);
                        }
                    } else {
                        coordinate(a);
                    }
                }
                case APPOSITION -> appose(a);
                case ADP -> continueRelation(a, gap);
                case NONE -> possessorAttribute(a);
            }
        }
    }

    /** Handles "a REL b"; returns the index of the last phrase consumed. */
    private int verbal(int a, Gap gap) {
        Phrase left = args.get(a);
        Phrase right = args.get(a + 1);
        String subject = subjectFor(a, gap);
        if (subject == null) {
            forgetRelation();
            return a;
        }
        if (attribute(a, gap)) {
            return a + 1;
        }
        // ReVerb's VW*P: "is the capital of France", "was a queen of Lotharingia", "won the award for"
        // "released by Epic Records in 1982": the agent is the object, not a noun to fold into the relation
        boolean agent = right.proper() && !followedByOf(right)
                && (gap.predicate().endsWith(" by") || gap.predicate().equals("by"));
        if (!named(right) && !agent && !right.possessive() && right.length() <= MAX_FOLDED_NOUN_TOKENS + 1
                && a + 2 < args.size() && !isPronoun(right)) {
            Gap next = Gap.between(sentence, right.end(), args.get(a + 2).start());
            Phrase object = args.get(a + 2);
            if (next.kind() == Gap.Kind.ADP && !isPronoun(object)) {
                String predicate = gap.predicate() + " " + withDeterminer(right) + " " + next.predicate();
                emit(subject, predicate, object, a + 2, null);
                if (gap.copula() && (right.determiner().equals("a") || right.determiner().equals("an"))) {
                    emitSilently(subject, gap.predicate() + " a", right); // and what kind of thing it is
                }
                if (gap.copula()) {
                    copulaComplement = a + 2;
                    complementChain = a + 2;
                    complementIsHead = false;
                    copulaSubject = subject;
                    copulaVerb = gap.predicate();
                }
                clauseSubject = clauseSubject == null ? subject : clauseSubject;
                return a + 1;
            }
        }
        if (isPronoun(right) || right.possessive() || !right.proper() && followedByOf(right)) {
            forgetRelation();
            return a;
        }
        String predicate = gap.predicate();
        if (gap.copula() && (right.determiner().equals("a") || right.determiner().equals("an"))) {
            predicate = predicate + " a";
        }
        emit(subject, predicate, right, a + 1, gap.copula() ? null : verbPart(predicate));
        String coSubject = coordinatedSubject(a, gap);
        if (coSubject != null) {
            emitSilently(coSubject, predicate, right);
        }
        if (gap.copula()) {
            copulaComplement = a + 1;
            complementChain = a + 1;
            complementIsHead = true;
            copulaSubject = subject;
            copulaVerb = gap.predicate();
        }
        if (clauseSubject == null) {
            clauseSubject = subject;
        }
        return a;
    }

    private String subjectFor(int a, Gap gap) {
        Phrase left = args.get(a);
        if (gap.conjoined()) {
            return clauseSubject;
        }
        if (aliases[a] != null) {
            return aliases[a];
        }
        boolean prepositionObject = a > 0 && a != lastObject
                && Gap.between(sentence, args.get(a - 1).end(), left.start()).kind() == Gap.Kind.ADP;
        if (gap.relative()) {
            if (a == copulaComplement && copulaSubject != null && isWho(left.end())) {
                return remember(copulaSubject, gap); // "X is a diver from Canada, who represented ..."
            }
            return remember(subjectArgument(prepositionObject ? args.get(a - 1) : left), gap);
        }
        if (a == copulaComplement && !gap.finite()
                || gap.afterComma() && !gap.finite() && copulaSubject != null) {
            return copulaSubject; // "X is a journal published by Y": Y published X, not the journal
        }
        if (a == complementChain && !gap.finite() && copulaSubject != null && describing(gap)) {
            return copulaSubject; // "X is a former institute for business in New York City founded in 1909"
        }
        if (gap.afterComma() && !gap.finite() && a > 0 && agentOf(a) && (gap.predicate().endsWith(" by")
                || gap.predicate().equals("starring") || gap.predicate().equals("featuring"))) {
            // "mixed by Y, mastered by Z": about whatever Y's verb was about, not about Y
            return a == lastObject ? lastSubject : null;
        }
        if (gap.afterComma() && asideOpened && gap.finite()) {
            return interruptedSubject; // "X, created by Y, was ...": the verb after the aside is X's
        }
        if (a == lastObject && !gap.finite()) {
            return null; // a participle after an object: attachment is anyone's guess
        }
        if (prepositionObject) {
            return subjectArgument(args.get(a - 1)); // "the son of X was": the son, not X
        }
        String subject = subjectArgument(left);
        if (subject == null && specificCommon(left, args.get(a + 1))) {
            subject = left.text();
        }
        return remember(subject, gap);
    }

    // the phrase is the agent of a passive participle: "directed by Y", "is owned by Y"
    private boolean agentOf(int a) {
        Gap before = Gap.between(sentence, args.get(a - 1).end(), args.get(a).start());
        return before.kind() == Gap.Kind.VERBAL && before.predicate().endsWith(" by");
    }

    // the subject before a comma aside, for the main verb that comes after the aside
    private String remember(String subject, Gap gap) {
        if (gap.afterComma() && !asideOpened) {
            interruptedSubject = subject;
            asideOpened = true;
        }
        return subject;
    }

    // "The current editor is Jan Philip Solovej", "Her father was Boso" → (title, "current editor is", ...)
    private boolean attribute(int a, Gap gap) {
        Phrase left = args.get(a);
        if (!gap.copula() || left.start() != 0 || !title.about() || title.resolve(left) != null) {
            return false;
        }
        String det = left.determiner();
        boolean owned = OWNER_DETERMINERS.contains(det);
        boolean role = det.equals("the") && (left.common() || ROLES.contains(head(left)));
        if (!owned && !role) {
            return false;
        }
        Phrase right = args.get(a + 1);
        if (isPronoun(right) || right.possessive()) {
            return true;
        }
        String predicate = left.text().toLowerCase(Locale.ROOT) + " " + gap.predicate();
        emit(title.title(), predicate, right, a + 1, null);
        return true;
    }

    private static String head(Phrase phrase) {
        String text = phrase.text().toLowerCase(Locale.ROOT);
        return text.substring(text.lastIndexOf(' ') + 1);
    }

    // "Lothair II's mother was Ermengarde" → (Lothair II, mother was, Ermengarde)
    private void possessorAttribute(int a) {
        Phrase owner = args.get(a);
        if (!owner.possessive() || a + 2 >= args.size()) {
            return;
        }
        Phrase attribute = args.get(a + 1);
        Phrase value = args.get(a + 2);
        if (attribute.start() != owner.end() || !attribute.common() || isPronoun(value) || value.possessive()) {
            return;
        }
        Gap gap = Gap.between(sentence, attribute.end(), value.start());
        String subject = subjectArgument(owner);
        if (gap.kind() == Gap.Kind.VERBAL && gap.copula() && subject != null) {
            emit(subject, attribute.text().toLowerCase(Locale.ROOT) + " " + gap.predicate(), value, a + 2, null);
        }
    }

    // "directed by A and B", "starring A, B and C"
    private void coordinate(int a) {
        Phrase next = args.get(a + 1);
        if (!named(next) && followedByOf(next)) {
            // "is an American actor and the second son of Dick Van Dyke"
            if (lastSubject != null && a == lastObject && copulaVerb != null && lastSubject.equals(copulaSubject)
                    && a + 2 < args.size() && !isPronoun(args.get(a + 2))) {
                emit(lastSubject, copulaVerb + " " + withDeterminer(next) + " of", args.get(a + 2), a + 2, null);
            } else {
                forgetRelation();
            }
            return;
        }
        boolean describedAgent = lastPredicate != null && lastPredicate.endsWith(" by") && !named(next)
                && (next.determiner().equals("the") || next.determiner().equals("a") || next.determiner().equals("an"));
        if (a == lastObject && lastSubject != null && !isPronoun(next) && !next.possessive()
                && !startsClause(a + 1) && !describedAgent) { // "by Rob Zombie, and the sequel to": not an agent
            emit(lastSubject, lastPredicate, next, a + 1, lastVerbPart);
            if (a == copulaComplement && complementIsHead && next.common() && !next.text().endsWith("-")) {
                // "is a restaurant chain and franchise based in Y": the complement goes on
                copulaComplement = a + 1;
                complementChain = a + 1;
            }
        } else {
            forgetRelation();
        }
    }

    // "Andrea Taroni, a professional editor, ..." → (Andrea Taroni, is a, professional editor)
    private void appose(int a) {
        Phrase left = args.get(a);
        Phrase right = args.get(a + 1);
        String det = right.determiner();
        boolean indefinite = det.equals("a") || det.equals("an");
        if (indefinite && a == copulaComplement && copulaVerb != null && right.length() <= 8) {
            // "was a Chinese journalist, an early Kuomintang member": another complement of the same copula
            emit(copulaSubject, copulaVerb + " a", right, a + 1, null);
            copulaComplement = a + 1;
            return;
        }
        if (indefinite) {
            String subject = aliases[a] != null ? aliases[a] : subjectArgument(left);
            if (subject != null && !asideOpened) {
                interruptedSubject = subject; // "X, an arm of the Southern Ocean, lies between ..."
                asideOpened = true;
            }
            if (subject != null && followedByOf(right) && a + 2 < args.size()
                    && Gap.between(sentence, right.end(), args.get(a + 2).start()).kind() == Gap.Kind.ADP
                    && !isPronoun(args.get(a + 2))) {
                emit(subject, "is " + withDeterminer(right).replaceFirst("^an ", "a ") + " of", args.get(a + 2),
                        a + 2, null);
                aliases[a + 1] = subject;
                return;
            }
            if (subject != null && right.length() <= 8 && !followedByOf(right)) {
                emit(subject, "is a", right, a + 1, null);
                aliases[a + 1] = subject;
                copulaComplement = a + 1;
                copulaSubject = subject;
                copulaVerb = "is";
                return;
            }
        } else if (det.equals("the") && !named(right) && a + 2 < args.size() && followedByOf(right)) {
            // "Lahore, the capital of Punjab" → (Lahore, is the capital of, Punjab)
            String subject = aliases[a] != null ? aliases[a] : subjectArgument(left);
            Phrase object = args.get(a + 2);
            if (subject != null && Gap.between(sentence, right.end(), object.start()).kind() == Gap.Kind.ADP
                    && (object.proper() || title.resolve(object) != null)) {
                emit(subject, "is the " + right.text().toLowerCase(Locale.ROOT) + " of", object, a + 2, null);
                aliases[a + 1] = subject;
                return;
            }
        } else if (a == lastObject && lastSubject != null && !right.possessive() && nextIsCoordinated(a + 1)) {
            coordinate(a); // the comma of a list "A, B and C"
            return;
        } else if (a == lastObject && lastSubject != null && det.isEmpty() && named(right) && !named(left)) {
            // "performed by Australian singer-songwriter, Zoë Badwi": the name after the description
            emit(lastSubject, lastPredicate, right, a + 1, lastVerbPart);
            return;
        } else if (locativeObject(a) && named(left) && named(right) && det.isEmpty() && !right.possessive()
                && endsClause(right) && !nextIsCoordinated(a + 1)) {
            // "born in Nashville, Tennessee": the second place contains the first
            String place = argument(left);
            if (place != null) {
                emit(place, "located in", right, a + 1, null);
            }
            return;
        }
        forgetRelation();
    }

    // the phrase names a place: the object of "born in", "located at", or of a bare "in"/"near"
    private boolean locativeObject(int a) {
        if (a == lastObject && lastPredicate != null && LOCATIVE.matcher(lastPredicate).find()) {
            return true;
        }
        if (a == 0) {
            return false;
        }
        Gap before = Gap.between(sentence, args.get(a - 1).end(), args.get(a).start());
        return before.kind() == Gap.Kind.ADP && LOCATIVE.matcher(before.predicate()).find();
    }

    private boolean endsClause(Phrase phrase) {
        if (phrase.end() >= sentence.size()) {
            return true;
        }
        String next = sentence.token(phrase.end());
        return next.equals(".") || next.equals(",") || next.equals(";");
    }

    private boolean named(Phrase phrase) {
        for (int k = phrase.start(); k < phrase.end(); k++) {
            if (sentence.tag(k).equals("PROPN")) {
                return true;
            }
        }
        return false;
    }

    // "..., and the editors are X": the phrase after "and" is a new subject, not another object
    private boolean startsClause(int b) {
        if (b + 1 >= args.size()) {
            return false;
        }
        Gap gap = Gap.between(sentence, args.get(b).end(), args.get(b + 1).start());
        return gap.kind() == Gap.Kind.VERBAL && gap.finite() && !gap.afterComma() && !gap.conjoined();
    }

    private boolean nextIsCoordinated(int b) {
        if (b + 1 >= args.size()) {
            return false;
        }
        Gap.Kind kind = Gap.between(sentence, args.get(b).end(), args.get(b + 1).start()).kind();
        return kind == Gap.Kind.COORDINATION || kind == Gap.Kind.APPOSITION;
    }

    // "was presented to the faculty at the University of Göttingen in 1854": same verb, new preposition
    private void continueRelation(int a, Gap gap) {
        Phrase next = args.get(a + 1);
        if (a == complementChain && CHAIN_PREPOSITIONS.contains(gap.predicate()) && !isPronoun(next)) {
            complementChain = a + 1;
        }
        if (a == lastObject && lastVerbPart != null && !gap.predicate().equals("of")
                && (next.proper() || next.numeric()) && !next.possessive()) {
            emit(lastSubject, lastVerbPart + " " + gap.predicate(), next, a + 1, lastVerbPart);
        } else if (a == lastObject && lastVerbPart != null && !gap.predicate().equals("of") && next.common()
                && !next.possessive()) {
            lastObject = a + 1; // "received the medal for gallantry during the Battle of X": keep the verb
        } else if (a != copulaComplement) {
            forgetRelation();
        }
    }

    private void emit(String subject, String predicate, Phrase object, int objectIndex, String verbPart) {
        lastObject = objectIndex;
        lastSubject = subject;
        lastPredicate = predicate;
        lastVerbPart = verbPart;
        String objectText = argument(object);
        if (objectText == null || subject == null || predicate.split(" ").length > MAX_PREDICATE_WORDS) {
            return;
        }
        if (!Character.isLetterOrDigit(objectText.codePointAt(0))) {
            return; // "-election": a word the tokenizer cut in half
        }
        String subjectKey = normalizer.normalize(subject);
        String objectKey = normalizer.normalize(objectText);
        if (subjectKey.isEmpty() || objectKey.isEmpty() || subjectKey.equals(objectKey)) {
            return;
        }
        for (String each : distribute(predicate)) {
            out.add(new Triple(subject, each, objectText));
        }
    }

    /**
     * "directed and produced by" → "directed by", "produced by"; "was born and raised in" → "was born in",
     * "was raised in"; "written, composed, and performed by" → three. Other predicates stand as they are.
     */
    static List<String> distribute(String predicate) {
        if (!predicate.contains(" and ")) {
            return List.of(predicate);
        }
        java.util.regex.Matcher m = COORDINATED_VERBS.matcher(predicate);
        if (!m.matches()) {
            return List.of(predicate);
        }
        String head = m.group(1);
        List<String> verbs = new java.util.ArrayList<>(List.of(m.group(2).split("(?: ?, (?:and )?| and )")));
        String tail = m.group(3);
        StringBuilder aux = new StringBuilder();
        for (String word : head.strip().split(" ")) {
            if (word.isEmpty()) {
                continue;
            }
            if (!AUXILIARIES.contains(word) && !word.endsWith("ly") && !word.equals("also")) {
                return List.of(predicate); // "wrote songs and produced": not a verb list
            }
            if (AUXILIARIES.contains(word)) {
                aux.append(word).append(' ');
            }
        }
        for (String verb : verbs) {
            if (AUXILIARIES.contains(verb) || !verb.matches("[a-z][a-z-]*")) {
                return List.of(predicate);
            }
        }
        String particle = tail.replaceFirst(" (by|in|at|on)$", "");
        String preposition = tail.substring(particle.length());
        List<String> out = new java.util.ArrayList<>(verbs.size());
        for (int v = 0; v < verbs.size(); v++) {
            String verb = verbs.get(v);
            boolean last = v == verbs.size() - 1;
            String prefix = v == 0 ? head : pastParticiple(verb) ? aux.toString() : "";
            out.add(prefix + verb + (last ? tail : preposition));
        }
        return out;
    }

    private static boolean pastParticiple(String verb) {
        return verb.endsWith("ed") || verb.endsWith("en") || verb.endsWith("wn") || verb.endsWith("ung")
                || Set.of("born", "made", "built", "held", "led", "set", "run", "won", "found", "sold", "shot",
                "taught", "brought", "bought", "hit", "put", "cast", "kept", "left", "lost", "met", "paid", "read",
                "said", "sent", "spent", "told", "thought", "understood").contains(verb);
    }

    // the relation is a participle naming how its subject came about or where it is: "founded in", "located at"
    private static boolean describing(Gap gap) {
        for (String word : gap.predicate().split(" ")) {
            if (!word.endsWith("ly")) {
                return DESCRIBING_PARTICIPLES.contains(word.replaceFirst("-$", ""));
            }
        }
        return false;
    }

    // "The first Soviet bomb was detonated on August 29, 1949": a described subject, kept only when the
    // sentence opens with it and the object is a name or a date, so the fact says something specific
    private boolean specificCommon(Phrase subject, Phrase object) {
        return subject.common() && subject.determiner().isEmpty()
                && subject.start() == 0 && subject.length() >= 2
                && !isPronoun(object) && (named(object) || object.numeric());
    }

    private boolean isWho(int from) {
        for (int k = from; k < sentence.size() && k < from + 3; k++) {
            if (sentence.token(k).equalsIgnoreCase("who")) {
                return true;
            }
        }
        return false;
    }

    // "Vinnie Vincent and Gene Simmons wrote it": the first of two coordinated subjects
    private String coordinatedSubject(int a, Gap gap) {
        if (a == 0 || gap.conjoined() || gap.relative() || gap.afterComma() || aliases[a] != null) {
            return null;
        }
        Phrase first = args.get(a - 1);
        Phrase second = args.get(a);
        int and = second.start() - 1;
        if (first.end() != and || !sentence.token(and).equalsIgnoreCase("and") || !first.proper()
                || !second.proper() || a - 1 == lastObject || a >= 2
                && Gap.between(sentence, args.get(a - 2).end(), first.start()).kind() != Gap.Kind.NONE) {
            return null;
        }
        return subjectArgument(first);
    }

    // a fact that does not move the walk's state (coordinated subjects)
    private void emitSilently(String subject, String predicate, Phrase object) {
        String objectText = argument(object);
        if (objectText != null && !normalizer.normalize(subject).equals(normalizer.normalize(objectText))) {
            for (String each : distribute(predicate)) {
                out.add(new Triple(subject, each, objectText));
            }
        }
    }

    private void forgetRelation() {
        lastObject = -1;
        lastSubject = null;
        lastPredicate = null;
        lastVerbPart = null;
    }

    /** The entity a phrase names as an argument: the title for title mentions and pronouns, else its text. */
    private String argument(Phrase phrase) {
        String resolved = title.resolve(phrase);
        if (resolved != null) {
            return resolved;
        }
        if (isPronoun(phrase)) {
            return null;
        }
        return phrase.text();
    }

    /** A subject must name something: the title, or a phrase with a proper noun; "the branch" is not enough. */
    private String subjectArgument(Phrase phrase) {
        boolean clauseInitial = phrase.start() == 0 || sentence.token(phrase.start() - 1).equals(",");
        String resolved = title.resolve(phrase, clauseInitial);
        if (resolved != null) {
            return resolved;
        }
        if (isPronoun(phrase) && previousSubject != null && PERSONAL.contains(phrase.text().toLowerCase(Locale.ROOT))) {
            return previousSubject; // "Hall ... . He believed": the person the last sentence was about
        }
        if (isPronoun(phrase) && previousSubject == null) {
            return title.unexplainedPronoun(phrase.text());
        }
        boolean owned = OWNER_DETERMINERS.contains(phrase.determiner());
        return phrase.proper() && !owned && !isPronoun(phrase) ? phrase.text() : null;
    }

    private boolean isPronoun(Phrase phrase) {
        return phrase.length() == 1 && sentence.tag(phrase.start()).equals("PRON");
    }

    // "was a representation of our ancestors' shift": the object would be a fragment
    private boolean followedByOf(Phrase phrase) {
        return phrase.end() < sentence.size() && sentence.token(phrase.end()).equals("of")
                && title.resolve(phrase) == null;
    }

    private static String withDeterminer(Phrase phrase) {
        String noun = phrase.text().toLowerCase(Locale.ROOT);
        return phrase.determiner().isEmpty() ? noun : phrase.determiner() + " " + noun;
    }

    // "was born in" → "was born": the verb to reuse with the next preposition
    private static String verbPart(String predicate) {
        int space = predicate.lastIndexOf(' ');
        if (space < 0) {
            return predicate;
        }
        String last = predicate.substring(space + 1);
        return switch (last) {
            case "in", "on", "at", "by", "to", "from", "with", "for", "into", "during", "since", "until", "as" ->
                    predicate.substring(0, space);
            default -> predicate;
        };
    }
}

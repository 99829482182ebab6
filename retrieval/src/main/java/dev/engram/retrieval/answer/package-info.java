/**
 * The last retrieval steps: a cited context assembled within a token budget ({@link
 * dev.engram.retrieval.answer.ContextAssembler}), and, when an LLM is configured, an answer generated from it that
 * cites passages by id ({@link dev.engram.retrieval.answer.AnswerGenerator}). Without an LLM there is no generator:
 * callers show the {@link dev.engram.retrieval.answer.AssembledContext} itself, whose numbered passages and graph
 * paths are the answer's evidence.
 */
package dev.engram.retrieval.answer;

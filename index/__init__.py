"""Derived and rebuildable: embedders, the FAISS index and the hybrid retriever."""

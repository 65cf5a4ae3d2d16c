"""A byte-level tokenizer that needs no corpus, for tiny test models and smoke runs."""

from tokenizers import Tokenizer, decoders, models, pre_tokenizers
from transformers import PreTrainedTokenizerFast

PAD, BOS, EOS = "<pad>", "<s>", "</s>"

# Each message is "<|role|>\ncontent\n". Assistant content is wrapped in generation markers (so
# TRL's assistant_only_loss can mask everything else) and ends with EOS, so a model fine-tuned on
# it learns to stop; the prompt rendered with add_generation_prompt is a prefix of the full
# conversation, which TRL's prompt-completion path checks.
CHAT_TEMPLATE = (
    "{%- for message in messages -%}"
    "{{ '<|' + message['role'] + '|>\\n' }}"
    "{%- if message['role'] == 'assistant' -%}"
    "{% generation %}{{ message['content'] + eos_token }}{% endgeneration %}{{ '\\n' }}"
    "{%- else -%}"
    "{{ message['content'] + '\\n' }}"
    "{%- endif -%}"
    "{%- endfor -%}"
    "{%- if add_generation_prompt -%}{{ '<|assistant|>\\n' }}{%- endif -%}"
)


def build_byte_tokenizer() -> PreTrainedTokenizerFast:
    """Return a tokenizer whose vocabulary is the 3 special tokens then the 256 byte symbols.

    With no merges every byte is one token, so any Unicode text round-trips exactly.
    """
    specials = [PAD, BOS, EOS]
    # Sorted so that token ids do not depend on set iteration order.
    alphabet = sorted(pre_tokenizers.ByteLevel.alphabet())
    vocab = {token: token_id for token_id, token in enumerate([*specials, *alphabet])}
    backend = Tokenizer(models.BPE(vocab=vocab, merges=[]))
    backend.pre_tokenizer = pre_tokenizers.ByteLevel(add_prefix_space=False)
    backend.decoder = decoders.ByteLevel()
    backend.add_special_tokens(specials)
    return PreTrainedTokenizerFast(
        tokenizer_object=backend,
        pad_token=PAD,
        bos_token=BOS,
        eos_token=EOS,
        chat_template=CHAT_TEMPLATE,
    )

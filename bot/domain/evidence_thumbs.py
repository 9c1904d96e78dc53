"""Small previews of evidence photos for the case page, made safely from untrusted files."""

from __future__ import annotations

import io
import warnings

from PIL import Image, UnidentifiedImageError

from bot.domain.evidence_check import IMAGE_TYPES

THUMB_SIDE = 240
# a phone photo is at most ~50 megapixels; anything far larger is a decompression bomb
MAX_PIXELS = 64_000_000


def thumbnail(data: bytes, content_type: str) -> bytes | None:
    """A JPEG at most THUMB_SIDE pixels a side, or None (not an image browsers show, a
    decompression bomb, or a broken file)."""
    if content_type not in IMAGE_TYPES:
        return None
    try:
        with warnings.catch_warnings():
            # Pillow warns above its MAX_IMAGE_PIXELS and raises at twice that: refuse both
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            # open() reads only the header: the size is checked before any pixel is decoded
            with Image.open(io.BytesIO(data)) as img:
                if img.width * img.height > MAX_PIXELS:
                    return None
                img.draft("RGB", (THUMB_SIDE * 2, THUMB_SIDE * 2))  # JPEG: decode small
                img.thumbnail((THUMB_SIDE, THUMB_SIDE))
                out = io.BytesIO()
                img.convert("RGB").save(out, "JPEG", quality=80)
                return out.getvalue()
    except (
        Image.DecompressionBombError,
        Image.DecompressionBombWarning,
        UnidentifiedImageError,
        OSError,
        ValueError,
    ):
        return None

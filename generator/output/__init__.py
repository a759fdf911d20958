"""The output folder: where a site may be written (guard) and how it replaces the previous one (staging)."""

from generator.output.guard import check_out_dir, check_replaceable
from generator.output.staging import Staging, clean_leftovers, make_world_readable, swap_into_place

__all__ = ["Staging", "check_out_dir", "check_replaceable", "clean_leftovers", "make_world_readable", "swap_into_place"]

"""The photo workers' memory: a worker gives back what a photo took once
the photo is done, but for the image blocks Pillow keeps for the next
photo (a bounded number), so the build's peak does not grow with what it
did before and a new image is not mapped and zeroed page by page."""

from __future__ import annotations

from concurrent.futures import ProcessPoolExecutor

from PIL import Image

from book.images.pool import PILLOW_BLOCKS, photo_worker_memory
from book.images.process import ImageJob, process


def resident_mb() -> float:
    with open("/proc/self/status", encoding="ascii") as status:
        return int(status.read().split("VmRSS:")[1].split()[0]) / 1024


def prepare_and_measure(jobs: list[ImageJob]) -> tuple[float, float, dict]:
    """(resident MB before, after, Pillow's block statistics of these jobs) preparing ``jobs`` in this process."""
    before, counts = resident_mb(), Image.core.get_stats()  # the counts a forked worker starts with are its parent's
    for job in jobs:
        assert process(job).error is None
    after = Image.core.get_stats()
    return before, resident_mb(), {key: after[key] - (counts[key] if key != "blocks_cached" else 0) for key in after}


def kept_by_worker(tmp_path) -> tuple[float, dict]:
    photo = tmp_path / "camera.jpg"
    grain = [Image.effect_noise((6000, 4000), sigma) for sigma in (40, 60, 80)]  # a camera's detail: a 14 MB JPEG
    Image.merge("RGB", grain).save(photo, quality=92)
    # Frames of several sizes, as a book has: each prepared photo is a new size to allocate.
    jobs = [ImageJob(f"p{n}", "frame", photo, (120.0 + 30 * n, 90.0 + 40 * n), "cover", "rgb", 300, None, tmp_path / f"cache{n}")
            for n in range(8)]
    for job in jobs:
        job.cache.mkdir()
    with ProcessPoolExecutor(max_workers=1, initializer=photo_worker_memory) as pool:
        before, after, blocks = pool.submit(prepare_and_measure, jobs).result()
    return after - before, blocks


def test_a_photo_worker_gives_back_a_photos_memory(tmp_path):
    # Each photo decodes to 96 MB and is resampled to up to 60 MB more. What stays beside
    # Pillow's cached blocks is small change (measured: 8 MB; 36 MB without glibc told to map
    # big blocks on their own, and growing with the photos).
    kept, blocks = kept_by_worker(tmp_path)
    cached = blocks["blocks_cached"] * Image.core.get_block_size() / 2**20
    assert blocks["blocks_cached"] <= PILLOW_BLOCKS
    assert kept - cached < 20, f"the photo worker kept {kept:.0f} MB after its photos, {cached:.0f} MB of them cached blocks"
    # Most images are made in blocks an earlier one left, not in memory mapped afresh.
    assert blocks["reused_blocks"] > blocks["allocated_blocks"] - blocks["reused_blocks"], blocks

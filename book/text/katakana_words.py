"""Common loanword elements that Japanese joins into katakana compounds
("コンテナ" + "トレーラー"), so a line may break at their seam and never
leave one or two kana of an element alone ("コンテナト|レーラー"). A run
that does not split wholly into these (a Vietnamese name, "ハイフォン",
"ラックフェン") has no seam: it breaks only as any katakana word does.
A hyphenation dictionary in small: general vocabulary, not the book's names."""

from __future__ import annotations

from functools import lru_cache

ELEMENTS = frozenset("""
アーム アップ イベント ウォール エネルギー エリア オフィス ガード カード カー ガス ガントリー クリーン クレーン
ケーブル ゲート コース コート コンテナ コンベヤー サービス サイクル サイト システム シティ ショッピング ショップ
ステーション ストップ スポーツ スマート センター ソーラー ターミナル タワー データ デジタル トラック トレーラー
トレッキング ネット ネットワーク バス パーク パネル ビーチ ビデオ ビル フェリー フォーク フォン プラン プロ ペーパー
ベルト ボート ホテル マーケット マスター マット マルチ モーダル モール ヤード ライス ライト ライン リサイクル リフト
ルーム レール ロード ロボット ワン
""".split())
LONGEST = max(map(len, ELEMENTS))


@lru_cache(maxsize=1024)
def seams(run: str) -> tuple[int, ...] | None:
    """Where ``run`` parts into loanword elements (offsets inside it), or
    None when it does not part wholly into them; a run that is one element has none.

    >>> seams("コンテナトレーラー"), seams("クレーン"), seams("ハイフォン")
    ((4,), (), None)
    """
    if not run:
        return ()
    for size in range(min(LONGEST, len(run)), 0, -1):
        if run[:size] in ELEMENTS:
            rest = seams(run[size:])
            if rest is not None:
                return (size, *(size + at for at in rest)) if size < len(run) else ()
    return None

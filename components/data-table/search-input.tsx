"use client";

import { useEffect, useRef, useState } from "react";
import { fieldClassName } from "./toolbar";

/**
 * A search box that reports its text after the user pauses typing (or presses
 * Enter). `value` is the committed text (from the URL); when it changes from
 * elsewhere (a reset, a link) the box follows, but not when it is just the echo
 * of what this box sent, so characters typed meanwhile are kept.
 */
export function SearchInput({
  id,
  value,
  onCommit,
  placeholder,
  delayMs = 300,
}: {
  id: string;
  value: string;
  onCommit: (text: string) => void;
  placeholder?: string;
  delayMs?: number;
}) {
  const [text, setText] = useState(value);
  const [seen, setSeen] = useState(value);
  const [sent, setSent] = useState<string | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  // The timer fires after later renders; it must call the latest onCommit, which
  // knows the other filters as they are now.
  const latestCommit = useRef(onCommit);
  useEffect(() => {
    latestCommit.current = onCommit;
  });

  if (value !== seen) {
    setSeen(value);
    if (value !== sent) setText(value);
  }

  useEffect(() => () => clearTimeout(timer.current), []);

  const commit = (next: string) => {
    clearTimeout(timer.current);
    setSent(next);
    latestCommit.current(next);
  };

  return (
    <input
      id={id}
      type="search"
      value={text}
      placeholder={placeholder}
      autoComplete="off"
      enterKeyHint="search"
      className={fieldClassName}
      onChange={(event) => {
        const next = event.target.value;
        setText(next);
        clearTimeout(timer.current);
        timer.current = setTimeout(() => commit(next), delayMs);
      }}
      onKeyDown={(event) => {
        if (event.key === "Enter") {
          event.preventDefault();
          commit(text);
        }
      }}
    />
  );
}

"use client";

import { useState, type ComponentProps } from "react";
import { TextArea } from "./text-area";

/**
 * A TextArea that shows how much of its limit is used, so reaching `maxLength` is visible
 * instead of the browser silently refusing further typing.
 */
export function CountedTextArea({ maxLength, defaultValue, hint, ...props }: ComponentProps<typeof TextArea> & { maxLength: number }) {
  const [count, setCount] = useState(String(defaultValue ?? "").length);
  const full = count >= maxLength;
  const counter = `已输入 ${count} / ${maxLength} 字${full ? "，已达上限" : ""}`;
  return (
    <div onInput={(e) => e.target instanceof HTMLTextAreaElement && setCount(e.target.value.length)}>
      <TextArea maxLength={maxLength} defaultValue={defaultValue} hint={hint ? `${hint} ${counter}` : counter} {...props} />
    </div>
  );
}

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useGroupEvents } from "../../../lib/events";
import { fetchSeat, fetchSeats, researchKeys, seatKeys, submitTurn, uploadQuestions } from "../api/debates";

export function useSeats() {
  return useQuery({ queryKey: seatKeys.list(), queryFn: fetchSeats });
}

/** A debater's seat, refetched when a speech is stored; live text keyed "round:slot". */
export function useSeat(id: number) {
  const queryClient = useQueryClient();
  const [live, setLive] = useState<Record<string, string>>({});
  const seat = useQuery({ queryKey: seatKeys.seat(id), queryFn: () => fetchSeat(id) });
  const debateId = seat.data?.debate.id;
  useGroupEvents(debateId === undefined ? null : `debate:${debateId}`, (event) => {
    const { payload } = event;
    if (event.type === "debate.turn.delta" && typeof payload.text === "string") {
      const key = `${String(payload.round)}:${String(payload.slot)}`;
      const text = payload.text;
      setLive((current) => ({ ...current, [key]: (current[key] ?? "") + text }));
      return;
    }
    if (event.type === "debate.turn.completed") setLive({});
    void queryClient.invalidateQueries({ queryKey: seatKeys.seat(id) });
  });
  return { seat, live };
}

export function useSubmitTurn(seatId: number, debateId: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (text: string) => submitTurn(debateId, text),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: seatKeys.seat(seatId) });
      void queryClient.invalidateQueries({ queryKey: seatKeys.list() });
    },
  });
}

export function useUploadQuestions() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: uploadQuestions,
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: researchKeys.questions() }),
  });
}
